package io.warroom.chat;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sends each inbound action to the one handler owning its action id's prefix. */
@Component
public class ActionRouter {

    private final List<ActionHandler> handlers;

    public ActionRouter(List<ActionHandler> handlers) {
        // Overlapping prefixes would make a click's meaning depend on bean order: refuse at start-up.
        for (ActionHandler a : handlers) {
            for (ActionHandler b : handlers) {
                if (a != b && a.prefix().startsWith(b.prefix())) {
                    throw new IllegalStateException("Action prefixes overlap: '" + a.prefix() + "' ("
                            + a.getClass().getSimpleName() + ") and '" + b.prefix() + "' ("
                            + b.getClass().getSimpleName() + ")");
                }
            }
        }
        this.handlers = handlers.stream().sorted(Comparator.comparing(ActionHandler::prefix)).toList();
    }

    public ActionOutcome route(InboundAction action) {
        return handlers.stream()
                .filter(h -> action.actionId().startsWith(h.prefix()))
                .findFirst()
                .orElseThrow(() -> new UnknownActionException(action.actionId()))
                .handle(action);
    }

    public static class UnknownActionException extends RuntimeException {
        public UnknownActionException(String actionId) {
            super("Unknown action: " + actionId);
        }
    }
}
