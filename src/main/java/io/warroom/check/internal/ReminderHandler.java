package io.warroom.check.internal;

import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.check.ReminderPosted;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.shared.PublicIds;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** A reminder's slot came: its card goes to the on-call channels, mentioning whose task it is. */
@Component
class ReminderHandler implements TaskHandler {

    static final String KIND = "check.reminder";
    static final String STREAM = "reminders";

    private final CheckCatalog catalog;
    private final Slots slots;
    private final ReminderRepository repository;
    private final ReminderCards cards;
    private final Outbox outbox;
    private final ChatLocales locales;
    private final Directory directory;
    private final CheckProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReminderHandler(CheckCatalog catalog, Slots slots, ReminderRepository repository, ReminderCards cards, Outbox outbox,
                    ChatLocales locales, Directory directory, CheckProperties properties, ApplicationEventPublisher events,
                    Clock clock) {
        this.catalog = catalog;
        this.slots = slots;
        this.repository = repository;
        this.cards = cards;
        this.outbox = outbox;
        this.locales = locales;
        this.directory = directory;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    static String series(Reminder r) {
        return "reminder:" + r.id();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        var reminder = catalog.reminders().stream().filter(r -> series(r).equals(task.get("series"))).findFirst();
        if (reminder.isEmpty() || slots.due(task, KIND, task.get("series"), reminder.get().recurrence()) != Slots.Decision.RUN) {
            return;
        }
        Reminder r = reminder.get();
        Instant slot = Instant.parse(task.get("slot"));
        String occurrence = PublicIds.next();
        if (!repository.insert(occurrence, r.id(), slot, clock.instant())) {
            return;
        }
        List<Person> who = who(r.who(), slot);
        for (Conversation c : properties.conversations()) {
            outbox.enqueue(Delivery.post(c, ReminderCards.key(occurrence), cards.due(r, occurrence, slot, who, locales.of(c)),
                    Priority.NORMAL));
        }
        events.publishEvent(new ReminderPosted(STREAM, clock.instant(), "warroom", r.id(), occurrence, slot));
    }

    private List<Person> who(Reminder.Who who, Instant at) {
        Map<String, Person> found = new LinkedHashMap<>();
        who.people().forEach(id -> directory.person(id).ifPresent(p -> found.putIfAbsent(p.id(), p)));
        directory.people().stream().filter(p -> who.groups().stream().anyMatch(p::inGroup)).forEach(p -> found.putIfAbsent(p.id(), p));
        who.roles().forEach(role -> directory.withRole(role, at).forEach(p -> found.putIfAbsent(p.id(), p)));
        return List.copyOf(found.values());
    }
}
