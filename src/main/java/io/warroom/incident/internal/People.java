package io.warroom.incident.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Person ids as people read them: names from the roster, mentions that notify. */
@Component
class People {

    static final String WARROOM = "warroom";

    private final Directory directory;

    People(Directory directory) {
        this.directory = directory;
    }

    Optional<Person> get(String id) {
        return id == null ? Optional.empty() : directory.person(id);
    }

    /** The roster name, "Warroom" for the bot, or the id itself for someone no longer in the roster. */
    String name(String id) {
        if (id == null) {
            return "—";
        }
        if (id.equals(WARROOM)) {
            return "Warroom";
        }
        return directory.person(id).map(Person::name).orElse(id);
    }

    Optional<OutboundMessage.Mention> mention(String id) {
        return get(id).map(Person::mention);
    }
}
