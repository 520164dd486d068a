package io.warroom.incident.internal;

import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A person named in a command: {@code @zhang.san}, {@code <@U0ZHANGSAN|zhang>} (Slack's escaped mention), an
 * email, a Slack or Feishu id, or a name as chat clients insert it ({@code @张三}, when the roster name is
 * {@code 张三 Zhang San}). Only someone in the roster, and only one person, is an answer.
 */
@Component
class PersonReferences {

    private final Directory directory;

    PersonReferences(Directory directory) {
        this.directory = directory;
    }

    Optional<Person> resolve(String reference) {
        String r = reference.strip();
        if (r.startsWith("<@") && r.endsWith(">")) {
            r = r.substring(2, r.length() - 1).split("\\|")[0];
        }
        if (r.startsWith("@")) {
            r = r.substring(1);
        }
        if (r.isEmpty()) {
            return Optional.empty();
        }
        String ref = r;
        String lower = r.toLowerCase(Locale.ROOT);
        List<Person> people = directory.people();
        for (var exact : List.<java.util.function.Predicate<Person>>of(
                p -> p.id().equals(ref),
                p -> ref.equals(p.slackId()) || ref.equals(p.feishuOpenId()),
                p -> p.email() != null && (p.email().equalsIgnoreCase(ref) || p.email().toLowerCase(Locale.ROOT).startsWith(lower + "@")),
                p -> p.name().equalsIgnoreCase(ref),
                p -> List.of(p.name().toLowerCase(Locale.ROOT).split("\\s+")).contains(lower))) {
            List<Person> matches = people.stream().filter(exact).toList();
            if (matches.size() == 1) {
                return Optional.of(matches.get(0));
            }
            if (matches.size() > 1) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
