package io.warroom.console.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.console.internal.ConsoleApi.*;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * The console's chat-server endpoints. Like a real platform it vouches for who acted and which button was
 * clicked (the button must be on the message), then hands an {@link InboundCommand} or
 * {@link InboundAction} to the same paths Slack and Feishu use.
 */
@RestController
@RequestMapping(path = "/console/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ConsoleController {

    static final int MAX_TEXT = 4000;

    private final Directory directory;
    private final Commands commands;
    private final ActionRouter actions;
    private final ConsoleStore store;
    private final ConsoleRenderer renderer;
    private final ConsoleProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    ConsoleController(Directory directory, Commands commands, ActionRouter actions, ConsoleStore store,
                      ConsoleRenderer renderer, ConsoleProperties properties, ObjectMapper json, Clock clock) {
        this.directory = directory;
        this.commands = commands;
        this.actions = actions;
        this.store = store;
        this.renderer = renderer;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/people")
    List<PersonView> people() {
        return directory.people().stream().map(p -> new PersonView(p.id(), p.name(), p.groups(), p.roles())).toList();
    }

    @GetMapping("/channels")
    List<ChannelView> channels(@RequestParam("as") String as) {
        Person person = person(as);
        List<ChannelView> result = new ArrayList<>();
        properties.channels().forEach(c -> result.add(view(c, c, false)));
        store.groupsOf(person.id()).forEach(g -> result.add(view(g.id(), g.name(), true)));
        return result;
    }

    @GetMapping("/channels/{channel}/messages")
    List<MessageView> messages(@PathVariable String channel, @RequestParam("as") String as) {
        Person person = person(as);
        requireChannel(channel, person);
        return store.messages(channel, person.id(), 300).stream().map(this::view).toList();
    }

    @PostMapping(path = "/channels/{channel}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> say(@PathVariable String channel, @RequestBody CommandRequest request) {
        Person person = person(request.as());
        requireChannel(channel, person);
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new BadRequest("text must be 1 to " + MAX_TEXT + " characters");
        }
        Long thread = request.threadId();
        if (thread != null) {
            Long requested = thread;
            store.find(requested).filter(m -> m.channel().equals(channel) && m.threadId() == null)
                    .filter(m -> m.visibleTo() == null || m.visibleTo().equals(person.id()))
                    .orElseThrow(() -> new BadRequest("thread " + requested + " is not a message of this channel"));
        }
        store.insert(channel, thread, person.id(), null, text, clock.instant());
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("/warroom") || lower.startsWith("/warroom ")) {
            var where = new Conversation(Platform.CONSOLE, channel, thread == null ? null : thread.toString());
            commands.handle(new InboundCommand(where, new Actor(Platform.CONSOLE, person.id(), person.name()),
                    text.substring("/warroom".length())));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("accepted"));
    }

    @PostMapping(path = "/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> act(@RequestBody ActionRequest request) {
        Person person = person(request.as());
        if (request.messageId() == null || request.actionId() == null) {
            throw new BadRequest("messageId and actionId are required");
        }
        ConsoleMessage message = store.find(request.messageId())
                .filter(ConsoleMessage::fromBot)
                .filter(m -> m.visibleTo() == null || m.visibleTo().equals(person.id()))
                .orElseThrow(() -> new BadRequest("no such message"));
        requireChannel(message.channel(), person);
        OutboundMessage shown = parse(message.body());
        String value = Objects.requireNonNullElse(request.value(), "");
        boolean onMessage = shown.buttons().stream()
                .anyMatch(b -> b.actionId().equals(request.actionId()) && b.value().equals(value))
                || (shown.form() != null && shown.form().formId().equals(request.actionId()));
        if (!onMessage) {
            throw new BadRequest("that button is not on this message");
        }
        String thread = message.threadId() != null ? message.threadId().toString() : Long.toString(message.id());
        ActionOutcome outcome = actions.route(new InboundAction(
                new Conversation(Platform.CONSOLE, message.channel(), thread),
                new Actor(Platform.CONSOLE, person.id(), person.name()), request.actionId(), value, request.form(),
                Long.toString(message.id()), null));
        return switch (outcome.kind()) {
            case DONE -> ResponseEntity.ok(new Outcome("done", outcome.message(), outcome.fieldErrors()));
            case REFUSED -> ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(new Outcome("refused", outcome.message(), outcome.fieldErrors()));
            case INVALID -> ResponseEntity.unprocessableEntity()
                    .body(new Outcome("invalid", outcome.message(), outcome.fieldErrors()));
        };
    }

    private ChannelView view(String id, String name, boolean group) {
        var state = store.state(id);
        return new ChannelView(id, name, group, state.topic(), state.pinnedMessageId());
    }

    private MessageView view(ConsoleMessage m) {
        String authorName = m.fromBot() ? "Warroom"
                : directory.person(m.author()).map(Person::name).orElse(m.author());
        String html = null;
        String text = null;
        if (m.fromBot()) {
            OutboundMessage parsed = parse(m.body());
            html = renderer.render(parsed);
            text = parsed.fallbackText();
        } else {
            text = m.body();
        }
        return new MessageView(m.id(), m.threadId(), m.author(), authorName, m.visibleTo() != null, html, text,
                m.createdAt().toString(), m.version());
    }

    private OutboundMessage parse(String body) {
        try {
            return json.readValue(body, OutboundMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored console message is unreadable", e);
        }
    }

    private Person person(String id) {
        if (id == null || id.isBlank()) {
            throw new BadRequest("say who you are: 'as' is required");
        }
        return directory.person(id).orElseThrow(() -> new BadRequest("unknown person '" + id + "'"));
    }

    private void requireChannel(String channel, Person person) {
        boolean known = properties.channels().contains(channel)
                || (store.channelExists(channel) && store.members(channel).contains(person.id()));
        if (!known) {
            throw new BadRequest("no channel '" + channel + "' for " + person.id());
        }
    }

    static class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Problem> badRequest(BadRequest e) {
        return ResponseEntity.badRequest().body(new Problem(e.getMessage()));
    }

    @ExceptionHandler(ActionRouter.UnknownActionException.class)
    ResponseEntity<Problem> unknownAction(ActionRouter.UnknownActionException e) {
        return ResponseEntity.badRequest().body(new Problem(e.getMessage()));
    }
}
