package io.warroom.handoff.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.InputType;
import io.warroom.chat.OutboundMessage.Option;
import io.warroom.chat.Texts;
import io.warroom.directory.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The runbook's handoff form (after-sales §6.2): time, outgoing, incoming (from the roster, shown, not
 * editable), the three service-state boxes, open items and recent changes (无 / 有 + details), notes. The
 * first time it is pre-filled from what Warroom knows; afterwards with what was submitted. Submissions are
 * read back by input name, and the three boxes arrive as {@code "true"} when ticked on every platform.
 */
@Component
class HandoffForm {

    static final String SUBMIT = "handoff.submit:";
    static final String NONE = "none";
    static final String SOME = "some";
    static final int MAX_TEXT = 2900;

    private final Texts texts;
    private final ChatTimes times;

    HandoffForm(Texts texts, ChatTimes times) {
        this.texts = texts;
        this.times = times;
    }

    /** The form for {@code h}: pre-filled from {@code prefill} until submitted, then from its values. */
    OutboundMessage form(Handoff h, Person outgoing, Person incoming, HandoffPrefill.Prefill prefill, Locale l) {
        var m = OutboundMessage.builder().tone(OutboundMessage.Tone.INFO)
                .header(texts.get(l, "handoff.form.header", outgoing.name(), incoming.name()))
                .text(texts.get(l, "handoff.form.intro"))
                .field(texts.get(l, "handoff.field.time"), times.format(h.handoverAt()))
                .field(texts.get(l, "handoff.field.outgoing"), outgoing.name())
                .field(texts.get(l, "handoff.field.incoming"), incoming.name());
        for (HandoffPrefill.Section s : prefill.sections()) {
            m.field(texts.get(l, "handoff.prefill." + s.key()), section(s, l));
        }
        Handoff.Values v = h.values() != null ? h.values() : initial(prefill, l);
        List<Input> inputs = List.of(
                check("services_ok", texts.get(l, "handoff.field.services-ok"), v.servicesOk()),
                check("no_alerts", texts.get(l, "handoff.field.no-alerts"), v.noAlerts()),
                check("no_major_event", texts.get(l, "handoff.field.no-major-event"), v.noMajorEvent()),
                choice("open_items", texts.get(l, "handoff.field.open-items"), v.openItems(), l),
                details("open_items_details", texts.get(l, "handoff.field.open-items.details"), v.openItems()),
                choice("recent_changes", texts.get(l, "handoff.field.recent-changes"), v.recentChanges(), l),
                details("recent_changes_details", texts.get(l, "handoff.field.recent-changes.details"), v.recentChanges()),
                details("notes", texts.get(l, "handoff.field.notes"), v.notes()));
        return m.form(new OutboundMessage.Form(SUBMIT + h.publicId(), texts.get(l, "handoff.form.title"),
                texts.get(l, "handoff.form.submit"), inputs)).build();
    }

    /** The first values: boxes ticked only where Warroom knows it is so, findings as the details. */
    Handoff.Values initial(HandoffPrefill.Prefill p, Locale l) {
        List<String> open = new ArrayList<>();
        for (String key : List.of("incidents", "alerts", "checks")) {
            p.get(key).items().forEach(i -> open.add("- " + i));
        }
        List<String> changes = p.get("actions").items().stream().map(i -> "- " + i).toList();
        List<String> notes = p.get("silences").items().stream().map(i -> "- " + i).toList();
        return new Handoff.Values(p.get("checks").empty(), p.get("alerts").empty(), p.get("incidents").empty(),
                open.isEmpty() ? null : cut(String.join("\n", open)), changes.isEmpty() ? null : cut(String.join("\n", changes)),
                notes.isEmpty() ? null : cut(texts.get(l, "handoff.prefill.silences") + ":\n" + String.join("\n", notes)));
    }

    /** The submitted values, or the errors to show by input name. */
    record Parsed(Handoff.Values values, Map<String, String> errors) {
    }

    Parsed parse(Map<String, String> form, Locale l) {
        Map<String, String> errors = new HashMap<>();
        String open = itemsOrError(form, "open_items", errors, l);
        String changes = itemsOrError(form, "recent_changes", errors, l);
        String notes = form.getOrDefault("notes", "").strip();
        if (notes.length() > MAX_TEXT) {
            errors.put("notes", texts.get(l, "handoff.error.too-long", MAX_TEXT));
        }
        var values = new Handoff.Values(ticked(form, "services_ok"), ticked(form, "no_alerts"), ticked(form, "no_major_event"),
                open, changes, notes.isEmpty() ? null : notes);
        return new Parsed(errors.isEmpty() ? values : null, errors);
    }

    /** A ticked box: Slack sends the option's value, Feishu {@code true}, the console {@code true}. */
    private static boolean ticked(Map<String, String> form, String name) {
        return "true".equalsIgnoreCase(form.getOrDefault(name, "").strip());
    }

    /** "无" gives null; "有" needs details, and details need "有". */
    private String itemsOrError(Map<String, String> form, String name, Map<String, String> errors, Locale l) {
        String choice = form.getOrDefault(name, "").strip();
        String details = form.getOrDefault(name + "_details", "").strip();
        if (!choice.equals(NONE) && !choice.equals(SOME)) {
            errors.put(name, texts.get(l, "handoff.error.choose"));
        } else if (choice.equals(SOME) && details.isEmpty()) {
            errors.put(name + "_details", texts.get(l, "handoff.error.details-needed"));
        } else if (choice.equals(NONE) && !details.isEmpty()) {
            errors.put(name + "_details", texts.get(l, "handoff.error.details-with-none"));
        } else if (details.length() > MAX_TEXT) {
            errors.put(name + "_details", texts.get(l, "handoff.error.too-long", MAX_TEXT));
        }
        return choice.equals(SOME) ? details : null;
    }

    private String section(HandoffPrefill.Section s, Locale l) {
        if (!s.available()) {
            return texts.get(l, "handoff.prefill.unavailable." + s.key());
        }
        return s.items().isEmpty() ? texts.get(l, "handoff.prefill.none") : String.join("\n", s.items());
    }

    private static Input check(String name, String label, boolean ticked) {
        return new Input(name, label, InputType.CHECKBOX, false, ticked ? "true" : null, null);
    }

    private Input choice(String name, String label, String details, Locale l) {
        return new Input(name, label, InputType.SELECT, true, details == null ? NONE : SOME,
                List.of(new Option(NONE, texts.get(l, "handoff.choice.none")), new Option(SOME, texts.get(l, "handoff.choice.some"))));
    }

    private static Input details(String name, String label, String text) {
        return new Input(name, label, InputType.MULTILINE, false, text, null);
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
