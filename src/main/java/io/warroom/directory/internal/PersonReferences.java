package io.warroom.directory.internal;

import io.warroom.directory.Person;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people name each other in chat: {@code @li.si}, a Slack mention {@code <@U0LISI|lisi>}, an email, a
 * Feishu open_id (Feishu's own mentions reach commands as {@code @<display name>}), or a name. A name or a
 * word of one counts only when exactly one person has it, so a reference never picks the wrong person.
 */
final class PersonReferences {

    private static final Pattern SLACK_MENTION = Pattern.compile("<@([A-Z0-9]+)(\\|[^>]*)?>");

    private PersonReferences() {
    }

    static Optional<Person> find(List<Person> people, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.strip();
        Matcher slack = SLACK_MENTION.matcher(ref);
        if (slack.matches()) {
            return unique(people.stream().filter(p -> slack.group(1).equals(p.slackId())).toList());
        }
        String bare = ref.startsWith("@") ? ref.substring(1) : ref;
        String lower = bare.toLowerCase(Locale.ROOT);
        for (var exact : List.<java.util.function.Predicate<Person>>of(
                p -> p.id().equals(lower),
                p -> p.email() != null && p.email().equalsIgnoreCase(bare),
                p -> bare.equals(p.slackId()) || bare.equals(p.feishuOpenId()),
                p -> p.name().equalsIgnoreCase(bare))) {
            Optional<Person> found = unique(people.stream().filter(exact).toList());
            if (found.isPresent()) {
                return found;
            }
        }
        return unique(people.stream().filter(p -> List.of(p.name().toLowerCase(Locale.ROOT).split("\\s+")).contains(lower))
                .toList());
    }

    private static Optional<Person> unique(List<Person> matches) {
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
