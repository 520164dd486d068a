package io.warroom.alert.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook body (version 4) as sent; fields newer versions add are ignored. Validated by
 * {@link PayloadDecoder} before anything is stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WebhookPayload(String version, String groupKey, Integer truncatedAlerts, String status, String receiver,
                      Map<String, String> groupLabels, Map<String, String> commonLabels,
                      Map<String, String> commonAnnotations, String externalURL, List<Alert> alerts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
                 String endsAt, String generatorURL, String fingerprint) {
    }
}
