package io.warroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damages valid inputs the way people and broken senders do, reproducibly from a seed: text edits for
 * YAML and form bodies (cut, insert, duplicate, swap), and JSON edits that keep the shape parseable but put
 * the wrong type, a missing field, an unknown field or an absurd value somewhere.
 */
public final class Mutations {

    private static final String[] TOKENS = {"null", "~", "[]", "{}", "-1", "0", "99999999999999999999", "true", "\"\"",
            ": ", "- ", "\n", "  ", "\t", "{", "}", "[", "]", ",", "'", "\"", "#", "&a", "*a", "!!str", "---", "\u0000",
            "\uD83D\uDE00", "中文", "%", "=", "&", "PT", "1h30m", "P7D", "2026-13-45T99:99", "\\u0041"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private Mutations() {
    }

    /** One to three edits of {@code text}. */
    public static String text(String text, Random r) {
        String s = text;
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
            int len = s.isEmpty() ? 0 : r.nextInt(Math.min(20, s.length() - Math.min(at, s.length()) + 1));
            s = switch (r.nextInt(6)) {
                case 0 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + len));
                case 1 -> s.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(at);
                case 2 -> s.substring(0, at) + s.substring(at, Math.min(s.length(), at + len)) + s.substring(at);
                case 3 -> s.substring(0, at) + (char) (32 + r.nextInt(95)) + s.substring(Math.min(s.length(), at + 1));
                case 4 -> swapLines(s, r);
                default -> s.substring(0, at);
            };
        }
        return s;
    }

    private static String swapLines(String s, Random r) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        if (lines.size() > 1) {
            int a = r.nextInt(lines.size());
            int b = r.nextInt(lines.size());
            String x = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, x);
        }
        return String.join("\n", lines);
    }

    /** A copy of {@code node} with one to three values replaced, removed or added. */
    public static JsonNode json(JsonNode node, Random r) {
        JsonNode copy = node.deepCopy();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            List<ContainerNode<?>> containers = new ArrayList<>();
            collect(copy, containers);
            ContainerNode<?> c = containers.get(r.nextInt(containers.size()));
            if (c instanceof ObjectNode o) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                if (names.isEmpty() || r.nextInt(5) == 0) {
                    o.set("x" + r.nextInt(100), value(r));
                } else if (r.nextInt(4) == 0) {
                    o.remove(names.get(r.nextInt(names.size())));
                } else {
                    o.set(names.get(r.nextInt(names.size())), value(r));
                }
            } else if (c instanceof ArrayNode a) {
                if (a.isEmpty() || r.nextBoolean()) {
                    a.add(value(r));
                } else {
                    a.set(r.nextInt(a.size()), value(r));
                }
            }
        }
        return copy;
    }

    public static String json(String json, Random r) {
        try {
            return json(JSON.readTree(json), r).toString();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void collect(JsonNode n, List<ContainerNode<?>> into) {
        if (n instanceof ContainerNode<?> c) {
            into.add(c);
            n.forEach(child -> collect(child, into));
        }
    }

    private static JsonNode value(Random r) {
        var f = JsonNodeFactory.instance;
        return switch (r.nextInt(9)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(r.nextLong());
            case 2 -> f.numberNode(-1);
            case 3 -> f.textNode(TOKENS[r.nextInt(TOKENS.length)]);
            case 4 -> f.textNode("x".repeat(r.nextInt(20_000)));
            case 5 -> f.arrayNode().add(f.textNode("a")).add(f.numberNode(1));
            case 6 -> f.objectNode().put("k", "v");
            case 7 -> f.booleanNode(r.nextBoolean());
            default -> f.textNode("");
        };
    }
}
