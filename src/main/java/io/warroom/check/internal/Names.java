package io.warroom.check.internal;

import java.util.Locale;
import java.util.Map;

/** A name in English and Chinese, as the check files give it. */
record Names(String en, String zh) {

    static Names of(Map<String, String> names, String what) {
        if (names == null || isBlank(names.get("en")) || isBlank(names.get("zh-CN"))) {
            throw new IllegalArgumentException(what + " needs a name in English and Chinese: name: {en: ..., zh-CN: ...}");
        }
        return new Names(names.get("en").strip(), names.get("zh-CN").strip());
    }

    String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
