package io.warroom.incident;

import java.util.LinkedHashMap;
import java.util.Map;

/** Details maps for the incident events: pairs of name and value, leaving out values that are absent. */
final class EventDetails {

    private EventDetails() {
    }

    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }
}
