package io.warroom.alert.internal.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code alerts/routing.yaml} as written (docs/alertmanager.md). */
record RoutingFile(List<RouteSpec> routes, @JsonProperty("default") RouteSpec defaultRoute,
                   Map<String, String> deadlines, Map<String, ChainSpec> escalations,
                   Map<String, String> escalationBySeverity, Map<String, WebhookSpec> webhooks) {

    record RouteSpec(String id, Map<String, String> match, Map<String, String> matchRe, List<String> to,
                     Map<String, String> deadlines, String escalation) {
    }

    record ChainSpec(List<StepSpec> steps, Integer repeat) {
    }

    /** Notify these roster roles in the thread and/or call a webhook, {@code after} the step before. */
    record StepSpec(@JsonProperty("notify") List<String> roles, String after, String webhook) {
    }

    record WebhookSpec(String url, String token, String tokenFile) {
    }
}
