package io.warroom.directory;

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
}
