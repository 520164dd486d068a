package io.warroom.incident;

import io.warroom.chat.Conversation;
import io.warroom.directory.Person;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The incident module's entry points for other modules. Every call joins the caller's transaction. The
 * alert module declares from an alert thread ("Declare incident" button, or its automatic rule) with
 * {@link Declaration#alertGroup()} set and the acknowledger in {@link Declaration#alsoInvite()}, and links
 * further alert groups with {@link #linkAlertGroup}.
 */
public interface Incidents {

    /** The timeline stream of an incident: {@code incident:INC-20261130-01}. */
    static String stream(String incidentId) {
        return "incident:" + incidentId;
    }

    /**
     * Declares an incident: stores it, opens its war rooms on every configured platform (for the severities
     * the playbook says), invites people by roster role, posts the card. With an idempotency key that was
     * used before, returns that incident and changes nothing.
     *
     * @param locale the language of a refusal's message
     * @throws IncidentRefused when the declaring person is not allowed by policy, or the title is empty
     */
    Declared declare(Declaration declaration, Locale locale);

    /** Links an alert group to an open or resolved incident (once; linking again changes nothing). */
    void linkAlertGroup(String incidentId, String alertGroup, Person by);

    Optional<IncidentSummary> find(String incidentId);

    /** Incidents not yet resolved, most severe first, then oldest first. */
    List<IncidentSummary> open();

    /** The open incident this conversation belongs to: one of its war rooms, or the channel it was declared in. */
    Optional<IncidentSummary> linkedTo(Conversation conversation);
}
