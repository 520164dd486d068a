package io.warroom.feishu.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Names of interactive components in a card. Feishu wants every {@code name} unique within a card and sends
 * the clicked component's {@code name} back as {@code action.name}, and each form input's value under its
 * {@code name} in {@code action.form_value} (card callback reference:
 * https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-callback-communication). Warroom's
 * ids may hold any character, so they are written in hex behind a prefix per kind: an input can never be
 * named like the submit button, and the form id needs no value that Feishu might not send back.
 */
final class FeishuNames {

    static final String SUBMIT = "submit_";
    static final String INPUT = "in_";
    static final String FORM = "form_";
    private static final HexFormat HEX = HexFormat.of();

    private FeishuNames() {
    }

    static String submit(String formId) {
        return SUBMIT + hex(formId);
    }

    static String form(String formId) {
        return FORM + hex(formId);
    }

    static String input(String name) {
        return INPUT + hex(name);
    }

    /** The form id of a submit button's name, or null when the name is not one. */
    static String formIdOf(String componentName) {
        return decode(componentName, SUBMIT);
    }

    /** The input name behind a form_value key; keys of cards sent before 2.0 are the input names themselves. */
    static String inputNameOf(String key) {
        String name = decode(key, INPUT);
        return name != null ? name : key;
    }

    private static String hex(String id) {
        return HEX.formatHex(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String name, String prefix) {
        if (name == null || !name.startsWith(prefix)) {
            return null;
        }
        try {
            return new String(HEX.parseHex(name.substring(prefix.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
