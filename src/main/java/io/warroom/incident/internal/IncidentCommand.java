package io.warroom.incident.internal;

import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.UsageException;
import io.warroom.directory.Person;
import io.warroom.incident.Declaration;
import io.warroom.incident.IncidentRefused;
import io.warroom.incident.Incidents;
import io.warroom.incident.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code /warroom incident ...}: {@code declare P0 <title> [--service <name>]} (a form when something is
 * missing), and for an incident named by id or by the conversation it is linked to (a war room, or the
 * channel it was declared in): {@code status}, {@code severity}, {@code commander}, {@code role}, {@code note},
 * {@code service}, {@code resolve}, {@code record}, {@code export}; the id alone shows the card.
 */
@Component
class IncidentCommand implements ChatCommand {

    static final Pattern ID = Pattern.compile("(?i)INC-\\d{8}-\\d{2,4}");

    private final Incidents incidents;
    private final IncidentRepository repository;
    private final IncidentLookup lookup;
    private final IncidentUpdates updates;
    private final Resolutions resolutions;
    private final IncidentCards cards;
    private final IncidentForms forms;
    private final IncidentRecords records;
    private final PostmortemChat chat;
    private final PersonReferences references;
    private final AccessGuard guard;
    private final Texts texts;

    IncidentCommand(Incidents incidents, IncidentRepository repository, IncidentLookup lookup, IncidentUpdates updates,
                    Resolutions resolutions, IncidentCards cards, IncidentForms forms, IncidentRecords records, PostmortemChat chat,
                    PersonReferences references, AccessGuard guard, Texts texts) {
        this.incidents = incidents;
        this.repository = repository;
        this.lookup = lookup;
        this.updates = updates;
        this.resolutions = resolutions;
        this.cards = cards;
        this.forms = forms;
        this.records = records;
        this.chat = chat;
        this.references = references;
        this.guard = guard;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "incident";
    }

    @Override
    public String usage() {
        return "declare P0|P1|P2|P3 <title> | [<id>] status|severity|commander|role|note|service|resolve|record|export ...";
    }

    @Override
    public String descriptionKey() {
        return "incident.description";
    }

    @Override
    public CommandReply run(CommandContext ctx) {
        List<String> args = ctx.args();
        try {
            if (!args.isEmpty() && args.get(0).equalsIgnoreCase("declare")) {
                return declare(ctx, args.subList(1, args.size()));
            }
            // The id may come first (incident INC-… status …) or after the sub-command (incident export INC-…).
            List<String> words = args;
            if (args.size() >= 2 && !ID.matcher(args.get(0)).matches() && ID.matcher(args.get(1)).matches()) {
                words = new ArrayList<>(args);
                words.set(0, args.get(1));
                words.set(1, args.get(0));
            }
            String first = words.isEmpty() ? null : words.get(0);
            boolean named = first != null && ID.matcher(first).matches();
            Incident i = named ? repository.find(first.toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new UsageException("incident.unknown", first))
                    : linked(ctx.command().conversation());
            List<String> rest = named ? words.subList(1, words.size()) : words;
            return act(ctx, i, rest.isEmpty() ? "show" : rest.get(0).toLowerCase(Locale.ROOT), rest.isEmpty() ? List.of()
                    : rest.subList(1, rest.size()));
        } catch (IncidentRefused e) {
            return CommandReply.ephemeral(OutboundMessage.builder().tone(Tone.DANGER).text(e.getMessage()).build());
        }
    }

    private CommandReply act(CommandContext ctx, Incident i, String sub, List<String> params) {
        Person by = ctx.person();
        Conversation where = ctx.command().conversation();
        Locale l = ctx.locale();
        String text = String.join(" ", params).strip();
        switch (sub) {
            case "show" -> {
                guard.require(by, where, AccessGuard.READ, i.stream(), l);
                return CommandReply.inChannel(cards.card(i, l));
            }
            case "status" -> updates.status(i.id(), by, where, l, text);
            case "severity" -> updates.severity(i.id(), by, where, l, severity(params));
            case "commander" -> updates.assign(i.id(), by, where, l, Roles.COMMANDER, person(params, 0));
            case "role" -> {
                String role = params.isEmpty() ? "" : params.get(0);
                updates.assign(i.id(), by, where, l, Roles.parse(role).orElseThrow(() ->
                        new UsageException("incident.role.unknown", role, String.join(", ", Roles.ALL))), person(params, 1));
            }
            case "note" -> updates.note(i.id(), by, where, l, text);
            case "service" -> {
                if (params.isEmpty()) {
                    throw new UsageException("incident.service.usage");
                }
                String ns = params.size() >= 3 && (params.get(1).equals("-n") || params.get(1).equals("--namespace"))
                        ? params.get(2) : null;
                updates.service(i.id(), by, where, l, params.get(0), ns);
            }
            case "resolve" -> resolutions.resolve(i.id(), by, where, l, ctx.command().actor().userId(), ctx.command().trigger());
            case "record" -> {
                return CommandReply.ephemeral(resolutions.recordForm(i.id(), by, where, l));
            }
            case "export" -> {
                guard.require(by, where, AccessGuard.READ, i.stream(), l);
                chat.post(records.build(i.id(), l).orElseThrow(), where, l);
            }
            default -> throw new UsageException("incident.usage.unknown", sub);
        }
        return null;
    }

    private CommandReply declare(CommandContext ctx, List<String> args) {
        List<String> words = new ArrayList<>();
        String service = null;
        for (int n = 0; n < args.size(); n++) {
            if (args.get(n).equals("--service") && n + 1 < args.size()) {
                service = args.get(++n);
            } else if (args.get(n).startsWith("--service=")) {
                service = args.get(n).substring("--service=".length());
            } else {
                words.add(args.get(n));
            }
        }
        if (service != null && !Names.isWorkload(service)) {
            throw new UsageException("incident.service.invalid", service);
        }
        Severity severity = null;
        if (!words.isEmpty()) {
            severity = Severity.parse(words.get(0)).orElse(null);
            if (severity == null && words.get(0).matches("(?i)(P|SEV)\\d+")) {
                throw new UsageException("incident.severity.unknown", words.get(0));
            }
        }
        String title = String.join(" ", severity == null ? words : words.subList(1, words.size())).strip();
        if (severity == null || title.isEmpty()) {
            return CommandReply.ephemeral(forms.declare(ctx.locale(), severity, title.isEmpty() ? null : title));
        }
        var declared = incidents.declare(Declaration.byHand(severity, title, ctx.person(), ctx.command().conversation(),
                service, null), ctx.locale());
        if (declared.created()) {
            return null;
        }
        return CommandReply.ephemeral(OutboundMessage.builder().tone(Tone.INFO)
                .text(texts.get(ctx.locale(), "incident.declare.already", declared.incidentId())).build());
    }

    private Incident linked(Conversation where) {
        try {
            return lookup.linked(where).orElseThrow(() -> new UsageException("incident.none-here"));
        } catch (IncidentLookup.Ambiguous e) {
            throw new UsageException("incident.ambiguous", String.join(", ", e.ids));
        }
    }

    private static Severity severity(List<String> params) {
        String word = params.isEmpty() ? "" : params.get(0);
        return Severity.parse(word).orElseThrow(() -> new UsageException("incident.severity.unknown", word));
    }

    private Person person(List<String> params, int index) {
        if (params.size() <= index) {
            throw new UsageException("incident.person.missing");
        }
        String ref = String.join(" ", params.subList(index, params.size()));
        return references.resolve(ref).orElseThrow(() -> new UsageException("incident.person.unknown", ref));
    }
}
