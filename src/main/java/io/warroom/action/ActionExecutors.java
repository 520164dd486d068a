package io.warroom.action;

import io.warroom.shared.ConfigurationProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Executors by name; two with one name stop start-up. */
@Component
public class ActionExecutors {

    private final Map<String, ActionExecutor> byName = new TreeMap<>();

    public ActionExecutors(List<ActionExecutor> executors) {
        for (ActionExecutor e : executors) {
            if (byName.put(e.name(), e) != null) {
                throw new ConfigurationProblem("Two action executors are named '" + e.name() + "'");
            }
        }
    }

    public Optional<ActionExecutor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ActionExecutor get(String name) {
        return find(name).orElseThrow(() ->
                new ActionException(ActionException.Reason.INVALID, "no executor '" + name + "' is configured"));
    }

    public Map<String, ActionExecutor> all() {
        return Map.copyOf(byName);
    }
}
