package io.warroom.command.internal;

import io.warroom.command.ChatCommand;
import io.warroom.shared.ConfigurationProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every command by name; duplicate names are a start-up error. */
@Component
class CommandRegistry {

    private final Map<String, ChatCommand> byName = new TreeMap<>();

    CommandRegistry(List<ChatCommand> commands) {
        for (ChatCommand c : commands) {
            if (!c.name().matches("[a-z][a-z0-9-]*")) {
                throw new ConfigurationProblem("Command name '" + c.name() + "' must be lowercase letters, digits or '-'");
            }
            ChatCommand previous = byName.put(c.name(), c);
            if (previous != null) {
                throw new ConfigurationProblem("Two commands are named '" + c.name() + "': "
                        + previous.getClass().getSimpleName() + " and " + c.getClass().getSimpleName());
            }
        }
    }

    Optional<ChatCommand> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    List<ChatCommand> all() {
        return List.copyOf(byName.values());
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
