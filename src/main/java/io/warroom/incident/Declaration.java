package io.warroom.incident;

import io.warroom.chat.Conversation;
import io.warroom.directory.Person;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What it takes to declare an incident.
 *
 * @param declaredBy     the person declaring, or null when Warroom declares by itself (a rule on alerts)
 * @param origin         where it was declared: the channel (or alert thread) that gets the card and status updates
 * @param alertGroup     an alert group to link, as the alert module names it; null when declared by hand
 * @param alsoInvite     people to pull in besides the roster roles, by directory id (e.g. who acknowledged the alert)
 * @param labels         the alert's labels, if any: {@code service}/{@code deployment} and {@code namespace} name the
 *                       workload for the checklist's commands; any label mentioning a database invites the DBA
 * @param service        the workload the checklist's commands act on; null to take it from labels or the title
 * @param idempotencyKey names this declaration: a retry with the same key gets the same incident; null for none
 */
public record Declaration(Severity severity, String title, Person declaredBy, Conversation origin, String alertGroup,
                          List<String> alsoInvite, Map<String, String> labels, String service, String idempotencyKey) {

    public Declaration {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(origin, "origin");
        title = title == null ? "" : title.strip();
        alsoInvite = alsoInvite == null ? List.of() : List.copyOf(alsoInvite);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A declaration typed by a person, with nothing else attached. */
    public static Declaration byHand(Severity severity, String title, Person by, Conversation origin, String service,
                                     String idempotencyKey) {
        return new Declaration(severity, title, by, origin, null, List.of(), Map.of(), service, idempotencyKey);
    }
}
