package io.warroom.incident.internal;

import io.warroom.alert.AlertCardExtension;
import io.warroom.alert.AlertGroupSummary;
import io.warroom.alert.Alerts;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.directory.Person;
import io.warroom.incident.Declaration;
import io.warroom.incident.Declared;
import io.warroom.incident.Incidents;
import io.warroom.incident.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Incidents declared from alert groups: the "Declare incident" button on a group's root (until the group
 * belongs to an incident) and the playbook's automatic rules. Both name the declaration after the group, so
 * a click, a second click on another platform and the rule all end in one incident for one group.
 */
@Component
class AlertDeclarations implements AlertCardExtension {

    private final Alerts alerts;
    private final Incidents incidents;
    private final IncidentRepository repository;
    private final Playbook playbook;
    private final Texts texts;

    AlertDeclarations(Alerts alerts, Incidents incidents, IncidentRepository repository, Playbook playbook, Texts texts) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.repository = repository;
        this.playbook = playbook;
        this.texts = texts;
    }

    @Override
    public List<OutboundMessage.Button> buttons(AlertGroupSummary group, Locale locale) {
        if (!repository.incidentsOfAlert(group.id()).isEmpty()) {
            return List.of();
        }
        Severity severity = playbook.alerts().forAlertSeverity(group.severity());
        return List.of(new OutboundMessage.Button(Actions.ALERT_DECLARE,
                texts.get(locale, "incident.alert.declare", severity.name()), group.id(), OutboundMessage.Style.DANGER));
    }

    /** A click on the button: the clicker declares, at the severity the playbook maps the alert's to. */
    ActionOutcome declare(InboundAction click, Person person, Locale l) {
        AlertGroupSummary group = alerts.group(click.value()).orElse(null);
        if (group == null) {
            return ActionOutcome.refused(texts.get(l, "incident.alert.unknown", click.value()));
        }
        Severity severity = playbook.alerts().forAlertSeverity(group.severity());
        Declared declared = incidents.declare(declaration(group, severity, person, click.conversation()), l);
        return ActionOutcome.done(texts.get(l, declared.created() ? "incident.done.declared" : "incident.alert.already",
                declared.incidentId()));
    }

    /** The playbook's rule for a group that started firing; empty when it no longer fires or no rule matches now. */
    Optional<Declared> declareByRule(String groupId, Locale locale) {
        AlertGroupSummary group = alerts.group(groupId).filter(AlertGroupSummary::isFiring).orElse(null);
        if (group == null) {
            return Optional.empty();
        }
        var rule = playbook.alerts().autoFor(group.labels()).orElse(null);
        List<Conversation> channels = alerts.channels(groupId);
        if (rule == null || channels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(incidents.declare(declaration(group, rule.severity(), null, channels.get(0)), locale));
    }

    private static Declaration declaration(AlertGroupSummary group, Severity severity, Person by, Conversation origin) {
        List<String> alsoInvite = new ArrayList<>();
        if (group.ackedBy() != null) {
            alsoInvite.add(group.ackedBy());
        }
        return new Declaration(severity, group.title(), by, origin, group.id(), alsoInvite, group.labels(), null,
                key(group.id()));
    }

    static String key(String groupId) {
        return "alert:" + groupId;
    }
}
