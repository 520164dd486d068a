package io.warroom.check.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.shared.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A verdict's arguments as stored JSON: strings as strings, an executor's {@link Text} as
 * {@code {"key": …, "args": […]}} with its numbers kept numbers (its bundle formats them), so a stored
 * result is shown in each reader's language and not in the language of whoever ran it.
 */
final class VerdictArgs {

    private VerdictArgs() {
    }

    static String write(ObjectMapper json, List<Object> args) {
        ArrayNode array = json.createArrayNode();
        args.forEach(a -> array.add(node(json, a)));
        return array.toString();
    }

    static List<Object> read(ObjectMapper json, String stored) {
        try {
            List<Object> args = new ArrayList<>();
            json.readTree(stored).forEach(n -> args.add(n.isObject() ? text(n) : n.asText()));
            return args;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored verdict arguments are unreadable", e);
        }
    }

    private static JsonNode node(ObjectMapper json, Object value) {
        if (value instanceof Text t) {
            ObjectNode o = json.createObjectNode();
            if (t.key() != null) {
                o.put("key", t.key());
            }
            ArrayNode args = o.putArray("args");
            t.args().forEach(a -> args.add(node(json, a)));
            return o;
        }
        if (value instanceof Number n) {
            return json.getNodeFactory().numberNode(new BigDecimal(n.toString()));
        }
        return json.getNodeFactory().textNode(String.valueOf(value));
    }

    private static Object value(JsonNode n) {
        if (n.isObject()) {
            return text(n);
        }
        return n.isNumber() ? n.numberValue() : n.asText();
    }

    private static Text text(JsonNode n) {
        List<Object> args = new ArrayList<>();
        n.path("args").forEach(a -> args.add(value(a)));
        return n.hasNonNull("key") ? new Text(n.get("key").asText(), args) : Text.plain(String.valueOf(args.isEmpty() ? "" : args.get(0)));
    }
}
