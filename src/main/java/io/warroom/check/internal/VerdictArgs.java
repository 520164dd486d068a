package io.warroom.check.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.shared.TextJson;
import java.util.ArrayList;
import java.util.List;

/**
 * A verdict's arguments as stored JSON: strings as strings, an executor's {@link io.warroom.shared.Text}
 * as {@link TextJson} stores it, so a stored result is shown in each reader's language and not in the
 * language of whoever ran it.
 */
final class VerdictArgs {

    private VerdictArgs() {
    }

    static String write(ObjectMapper json, List<Object> args) {
        return json.valueToTree(args.stream().map(TextJson::data).toList()).toString();
    }

    static List<Object> read(ObjectMapper json, String stored) {
        try {
            List<Object> args = new ArrayList<>();
            json.readTree(stored).forEach(n -> args.add(n.isObject() ? TextJson.text(n) : n.asText()));
            return args;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored verdict arguments are unreadable", e);
        }
    }
}
