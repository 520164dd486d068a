package io.warroom.incident.internal;

import io.warroom.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The incident playbook as data ({@code playbooks/*.yaml}): per severity whether a war room opens, which
 * roster roles are invited and which checklist runs; when the DBA joins; the checklists' stages.
 */
record Playbook(Map<Severity, SeverityPolicy> severities, DatabaseRule database, Map<String, Checklist> checklists,
                AlertRules alerts) {

    record SeverityPolicy(boolean warRoom, List<String> invite, String checklist) {
    }

    /** Roles invited when the title or a label mentions one of {@code words} (whole words, any case). */
    record DatabaseRule(List<String> roles, List<String> words) {
        boolean mentionedIn(String text) {
            if (text == null) {
                return false;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String w : words) {
                String word = w.toLowerCase(Locale.ROOT);
                // CJK words have no spaces around them; Latin ones must stand alone ("db" is not in "dbt").
                boolean latin = word.chars().allMatch(c -> c < 128);
                if (latin ? lower.matches("(?s).*(^|[^a-z0-9])" + java.util.regex.Pattern.quote(word) + "($|[^a-z0-9]).*")
                        : lower.contains(word)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Declaring from alerts: the severity the "Declare incident" button on an alert thread declares, by the
     * group's {@code severity} label ({@code fallback} for others), and the rules that declare by themselves.
     */
    record AlertRules(Map<String, Severity> declare, Severity fallback, List<AutoRule> auto) {

        static final AlertRules NONE = new AlertRules(Map.of(), Severity.P2, List.of());

        Severity forAlertSeverity(String alertSeverity) {
            return declare.getOrDefault(alertSeverity == null ? "" : alertSeverity.toLowerCase(Locale.ROOT), fallback);
        }

        java.util.Optional<AutoRule> autoFor(Map<String, String> labels) {
            return auto.stream().filter(r -> r.labels().matches(labels)).findFirst();
        }
    }

    /** A firing group whose labels match is declared at {@code severity}, once per group. */
    record AutoRule(String name, io.warroom.alert.LabelMatcher labels, Severity severity) {
    }

    record Checklist(String id, List<Stage> stages) {
        Optional<Stage> stage(String stageId) {
            return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
        }
    }

    /**
     * One stage: its budget counts from when it became current; {@code startsWhenResolved} stages (the
     * postmortem) start at resolve instead. It is done by a click or by itself: when a war room opens, when
     * an approved action whose description starts with one of {@code onActionExecuted} ran in a war room,
     * or when the incident record is complete.
     */
    record Stage(String id, Duration budget, Map<String, String> title, Map<String, String> hint, List<String> commands,
                 boolean startsWhenResolved, boolean onRoomOpened, List<String> onActionExecuted, boolean onRecordDone) {

        String title(Locale locale) {
            return Playbook.text(title, locale, id);
        }

        String hint(Locale locale) {
            return Playbook.text(hint, locale, "");
        }

        boolean completedBy(String actionDescription) {
            return onActionExecuted.stream().anyMatch(actionDescription::startsWith);
        }
    }

    SeverityPolicy policy(Severity severity) {
        return severities.get(severity);
    }

    Optional<Checklist> checklistFor(Severity severity) {
        String id = policy(severity).checklist();
        return id == null ? Optional.empty() : Optional.of(checklists.get(id));
    }

    /** The text for the reader's language: exact tag (zh-CN), then the language (zh), then English. */
    static String text(Map<String, String> texts, Locale locale, String fallback) {
        if (texts == null || texts.isEmpty()) {
            return fallback;
        }
        String exact = texts.get(locale.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        return texts.entrySet().stream().filter(e -> e.getKey().startsWith(locale.getLanguage())).map(Map.Entry::getValue)
                .findFirst().orElse(texts.getOrDefault("en", fallback));
    }
}
