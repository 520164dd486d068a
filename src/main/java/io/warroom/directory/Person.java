package io.warroom.directory;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import java.util.List;

/** Someone Warroom knows, with their identity on every platform. One person, however many identities. */
public record Person(String id, String name, String email, String phone, String slackId, String feishuOpenId,
                     List<String> groups, List<String> roles) {
    public Person {
        groups = groups == null ? List.of() : List.copyOf(groups);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** This person as someone a message notifies, on every platform where they have an id. */
    public OutboundMessage.Mention mention() {
        var ids = new java.util.EnumMap<Platform, String>(Platform.class);
        ids.put(Platform.CONSOLE, id);
        if (slackId != null) {
            ids.put(Platform.SLACK, slackId);
        }
        if (feishuOpenId != null) {
            ids.put(Platform.FEISHU, feishuOpenId);
        }
        return new OutboundMessage.Mention(name, ids);
    }

    /** This person's user id on {@code platform} (the console uses person ids), or null. */
    public String userId(Platform platform) {
        return switch (platform) {
            case CONSOLE -> id;
            case SLACK -> slackId;
            case FEISHU -> feishuOpenId;
        };
    }
}
