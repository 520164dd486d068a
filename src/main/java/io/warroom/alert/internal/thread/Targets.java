package io.warroom.alert.internal.thread;

import java.util.List;
import java.util.Map;

/** What tells one alert of a group from the others: its instance, pod or host, else its own labels. */
final class Targets {

    private static final List<String> PREFERRED = List.of("instance", "pod", "host", "node", "container", "endpoint");

    private Targets() {
    }

    static String describe(Map<String, String> alert, Map<String, String> common) {
        for (String key : PREFERRED) {
            String v = alert.get(key);
            if (v != null && !v.equals(common.get(key))) {
                return v;
            }
        }
        StringBuilder sb = new StringBuilder();
        alert.forEach((k, v) -> {
            if (!v.equals(common.get(k)) && sb.length() < 120) {
                sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        });
        return sb.length() == 0 ? alert.getOrDefault("alertname", "—") : sb.toString();
    }
}
