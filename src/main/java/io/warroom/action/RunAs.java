package io.warroom.action;

import java.util.List;

/**
 * The identity an action runs as. For Kubernetes: the user and groups to impersonate (the policy decides);
 * {@link #bot()} means the bot's own ServiceAccount, used for read commands.
 */
public record RunAs(String user, List<String> groups) {

    public RunAs {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static RunAs bot() {
        return new RunAs(null, List.of());
    }

    public boolean impersonating() {
        return user != null && !user.isBlank();
    }
}
