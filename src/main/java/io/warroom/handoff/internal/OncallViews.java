package io.warroom.handoff.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.Suggestions;
import io.warroom.command.UsageException;
import io.warroom.directory.Directory;
import io.warroom.directory.OnDuty;
import io.warroom.directory.Person;
import io.warroom.directory.RosterChange;
import io.warroom.directory.RosterChanges;
import io.warroom.directory.Shift;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** What {@code /warroom oncall} shows: who is on duty now, the shifts ahead, the changes made from chat. */
@Component
class OncallViews {

    /** The runbooks' escalation contacts, shown under the rotations. */
    static final List<String> ESCALATION_ROLES = List.of("tech-lead", "dba", "cto");
    static final int MAX_DAYS = 14;

    private final Directory directory;
    private final RosterChanges changes;
    private final ShiftTexts shifts;
    private final ChatTimes times;
    private final Texts texts;
    private final Clock clock;

    OncallViews(Directory directory, RosterChanges changes, ShiftTexts shifts, ChatTimes times, Texts texts, Clock clock) {
        this.directory = directory;
        this.changes = changes;
        this.shifts = shifts;
        this.times = times;
        this.texts = texts;
        this.clock = clock;
    }

    CommandReply now(CommandContext ctx, String only) {
        Instant now = clock.instant();
        List<String> known = new ArrayList<>(directory.rotationRoles());
        known.addAll(ESCALATION_ROLES);
        if (only != null && !known.contains(only)) {
            List<String> close = Suggestions.closeTo(only, known);
            throw new UsageException("oncall.unknown-role", only, String.join(", ", close.isEmpty() ? known : close));
        }
        Locale l = ctx.locale();
        var message = OutboundMessage.builder().tone(OutboundMessage.Tone.INFO).header(texts.get(l, "oncall.header"));
        List<OnDuty> duty = directory.onDuty(now);
        List<Shift> current = directory.shifts(now, now.plusSeconds(1));
        for (String role : directory.rotationRoles()) {
            if (only != null && !only.equals(role)) {
                continue;
            }
            var holder = duty.stream().filter(d -> d.role().equals(role)).findFirst();
            String source = current.stream().filter(s -> s.role().equals(role)).findFirst().map(s -> shifts.source(s, l)).orElse("");
            message.field(role, holder.map(d -> texts.get(l, "oncall.until", d.person().name(), times.format(d.until())) + source)
                    .orElse(texts.get(l, "oncall.off-duty")));
        }
        for (String role : ESCALATION_ROLES) {
            if (only == null || only.equals(role)) {
                List<String> names = directory.withRole(role, now).stream().map(Person::name).toList();
                message.field(role, names.isEmpty() ? "—" : String.join(", ", names));
            }
        }
        return CommandReply.inChannel(message.build());
    }

    CommandReply next(CommandContext ctx) {
        int days = 7;
        if (ctx.args().size() > 2) {
            throw new UsageException("command.too-many-args", "oncall next", "/warroom oncall next [days]");
        }
        if (ctx.args().size() == 2) {
            try {
                days = Integer.parseInt(ctx.args().get(1));
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > MAX_DAYS) {
                throw new UsageException("oncall.next.days", ctx.args().get(1), MAX_DAYS);
            }
        }
        Locale l = ctx.locale();
        Instant now = clock.instant();
        List<Shift> ahead = directory.shifts(now, now.plus(Duration.ofDays(days)));
        var message = OutboundMessage.builder().tone(OutboundMessage.Tone.INFO)
                .header(texts.get(l, "oncall.next.header", days)).text(texts.get(l, "oncall.next.from", times.format(now)));
        for (String role : directory.rotationRoles()) {
            List<String> lines = ahead.stream().filter(s -> s.role().equals(role)).map(s -> shifts.compact(s, l)).toList();
            message.field(role, lines.isEmpty() ? texts.get(l, "oncall.next.nobody") : String.join("\n", lines));
        }
        return CommandReply.inChannel(message.build());
    }

    CommandReply changes(CommandContext ctx) {
        Locale l = ctx.locale();
        List<RosterChange> upcoming = changes.upcoming();
        var message = OutboundMessage.builder().tone(OutboundMessage.Tone.INFO).header(texts.get(l, "oncall.changes.header"));
        if (upcoming.isEmpty()) {
            message.text(texts.get(l, "oncall.changes.none"));
        }
        for (RosterChange c : upcoming) {
            List<String> lines = c.given().stream().map(s -> shifts.full(s, l)).toList();
            String by = directory.person(c.by()).map(Person::name).orElse(c.by());
            String reason = c.reason() == null ? "" : "\n" + texts.get(l, "oncall.change.reason", c.reason());
            message.field(texts.get(l, "oncall.changes.item", c.id(), texts.get(l, "oncall.source." + c.kind().name().toLowerCase(Locale.ROOT)), by),
                    String.join("\n", lines) + reason);
        }
        return CommandReply.inChannel(message.build());
    }
}
