package io.warroom.support;

import io.warroom.chat.OutboundMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds English words in what a Chinese reader is shown. Names, ids and commands are allowed: anything
 * with digits or the punctuation of identifiers, paths, images and times (after-sales-prod,
 * backend=reg/app:1.2, 2026-11-30), the words the person typed, product and Kubernetes terms that stay in
 * English in Chinese text, and the caller's own list (people's names). Preformatted output (a kubectl table,
 * log lines) is the cluster's words and is not checked.
 */
public final class ChineseOnly {

    /** Proper nouns and protocol words that Chinese operators read in English. */
    public static final Set<String> TERMS = Set.of("Warroom", "Kubernetes", "Deployment", "Pod", "ReplicaSet", "CronJob", "Job",
            "StatefulSet", "ServiceAccount", "API", "Server", "HTTP", "URL", "JSON", "Prometheus", "PromQL", "ETag", "If-Match",
            "Slack", "UTC", "GET", "POST", "PUT", "PATCH", "DELETE", "OK", "Created", "Running", "Pending", "Complete", "Failed",
            "ProgressDeadlineExceeded", "CrashLoopBackOff", "OOMKilled", "Terminating", "kubernetes", "http", "generation", "ms");
    private static final Pattern CHUNKS = Pattern.compile("[\\s\\p{IsHan}，。：；、（）“”《》！？·—…]+");
    private static final Pattern DATA = Pattern.compile(".*[0-9=:_./@{}<>\\[\\]#$%&*+|~^].*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*[A-Za-z]");

    private ChineseOnly() {
    }

    public static List<String> englishWords(OutboundMessage m, Collection<String> allowed) {
        List<String> parts = new ArrayList<>();
        parts.add(m.header());
        parts.add(m.text());
        m.fields().forEach(f -> {
            parts.add(f.label());
            parts.add(f.value());
        });
        m.buttons().forEach(b -> parts.add(b.label()));
        List<String> found = new ArrayList<>();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (String chunk : CHUNKS.split(part)) {
                String c = chunk.replaceAll("^[\"'(),;!?]+|[\"'(),;!?]+$", "");
                if (c.isEmpty() || DATA.matcher(c).matches() || (c.contains("-") && c.equals(c.toLowerCase()))) {
                    continue;
                }
                if (WORD.matcher(c).matches() && !TERMS.contains(c) && !allowed.contains(c)) {
                    found.add(c + " (in \"" + part + "\")");
                }
            }
        }
        return found;
    }
}
