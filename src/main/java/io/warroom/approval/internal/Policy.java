package io.warroom.approval.internal;

import io.warroom.action.RunAs;
import io.warroom.chat.Conversation;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A validated approval policy. */
record Policy(String id, String description, List<String> risks, List<String> commands, List<String> namespaces,
              List<String> channels, Who requesters, Who approvers, int approvals, Duration ttl, RunAs runAs,
              boolean requesterMayCancel) {

    /** A set of people; an empty set means everyone in the roster. */
    record Who(List<String> people, List<String> groups, List<String> roles) {

        boolean isEmpty() {
            return people.isEmpty() && groups.isEmpty() && roles.isEmpty();
        }

        boolean includes(Person p, Directory directory, Instant at) {
            if (isEmpty() || people.contains(p.id()) || groups.stream().anyMatch(p::inGroup)) {
                return true;
            }
            return roles.stream().anyMatch(r -> directory.withRole(r, at).stream().anyMatch(x -> x.id().equals(p.id())));
        }

        /** "zhang.san, group sre, role oncall-primary" in the reader's language. */
        Text describe() {
            List<Object> parts = new java.util.ArrayList<>(people);
            groups.forEach(g -> parts.add(Text.of("approval.who.group", g)));
            roles.forEach(r -> parts.add(Text.of("approval.who.role", r)));
            return parts.isEmpty() ? Text.of("approval.who.anyone") : Text.list(parts);
        }
    }

    boolean covers(String commandId, String risk) {
        return risks.contains(risk) && (commands.isEmpty() || commands.contains(commandId));
    }

    boolean allowsNamespace(String namespace) {
        return namespaces.isEmpty() || namespace == null || namespace.isEmpty() || namespaces.contains(namespace);
    }

    boolean allowsChannel(Conversation c) {
        return channels.isEmpty() || channels.contains(c.platform().id() + ":" + c.channel()) || channels.contains(c.channel());
    }

    boolean needsApproval() {
        return approvals > 0;
    }
}
