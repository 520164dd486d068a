package io.warroom.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Text} as stored JSON, {@code {"key": …, "args": […]}} (no key for plain text), with numbers kept
 * numbers so the bundle formats them: what is stored (an event's details, a check's verdict) is shown later
 * in each reader's language, not in the language of whoever was there when it happened.
 */
public final class TextJson {

    private TextJson() {
    }

    /** The value as plain data (maps, lists, strings, numbers) that any JSON writer stores as above. */
    public static Object data(Object value) {
        if (value instanceof Text t) {
            Map<String, Object> o = new LinkedHashMap<>();
            if (t.key() != null) {
                o.put("key", t.key());
            }
            List<Object> args = new ArrayList<>();
            t.args().forEach(a -> args.add(data(a)));
            o.put("args", args);
            return o;
        }
        return value instanceof Number ? value : String.valueOf(value);
    }

    /** The text stored by {@link #data}; a node that is not an object is read as plain text. */
    public static Text text(JsonNode n) {
        if (!n.isObject()) {
            return Text.plain(n.asText());
        }
        List<Object> args = new ArrayList<>();
        n.path("args").forEach(a -> args.add(a.isObject() ? text(a) : a.isNumber() ? a.numberValue() : a.asText()));
        return n.hasNonNull("key") ? new Text(n.get("key").asText(), args)
                : Text.plain(String.valueOf(args.isEmpty() ? "" : args.get(0)));
    }
}
