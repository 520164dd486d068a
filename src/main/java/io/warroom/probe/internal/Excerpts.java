package io.warroom.probe.internal;

import java.util.regex.Pattern;

/** Short, single-line, secret-free excerpts of response bodies for chat and exception messages. */
final class Excerpts {

    static final int MAX = 300;
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"(?:[A-Za-z_]*(?:token|secret|password|passwd|api[_-]?key|authorization|credential)[A-Za-z_]*)\"\\s*:\\s*)\"[^\"]*\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");

    private Excerpts() {
    }

    static String of(String body, String... secrets) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String s = body;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                s = s.replace(secret, "***");
            }
        }
        s = SECRET_FIELD.matcher(s).replaceAll("$1\"***\"");
        s = BEARER.matcher(s).replaceAll("Bearer ***");
        s = s.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
    }
}
