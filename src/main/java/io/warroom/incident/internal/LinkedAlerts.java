package io.warroom.incident.internal;

import io.warroom.alert.AlertGroupSummary;
import io.warroom.alert.Alerts;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.Texts;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** An incident's alert groups as people read them: on the card in brief, in the record with their times. */
@Component
class LinkedAlerts {

    private final IncidentRepository incidents;
    private final Alerts alerts;
    private final ChatTimes times;
    private final Texts texts;

    LinkedAlerts(IncidentRepository incidents, Alerts alerts, ChatTimes times, Texts texts) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.times = times;
        this.texts = texts;
    }

    /** {@code A42 HighErrorRate (critical)}, one per linked group; a group no longer stored shows its id. */
    List<String> brief(String incidentId, Locale l) {
        return incidents.alerts(incidentId).stream().map(id -> alerts.group(id)
                .map(g -> texts.get(l, "incident.alert.brief", g.id(), g.title(), severity(g, l))).orElse(id)).toList();
    }

    /** The brief form plus when the group first fired and whether it still fires. */
    List<String> detailed(String incidentId, Locale l) {
        return incidents.alerts(incidentId).stream().map(id -> alerts.group(id)
                .map(g -> texts.get(l, "incident.alert.detailed", g.id(), g.title(), severity(g, l),
                        times.format(g.firstSeen()), texts.get(l, g.isFiring() ? "incident.alert.firing" : "incident.alert.resolved")))
                .orElse(id)).toList();
    }

    private String severity(AlertGroupSummary g, Locale l) {
        return g.severity() == null || g.severity().isBlank() ? texts.get(l, "incident.alert.no-severity") : g.severity();
    }
}
