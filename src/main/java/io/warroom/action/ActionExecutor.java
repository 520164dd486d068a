package io.warroom.action;

import java.util.Optional;
import java.util.Set;

/**
 * Runs actions of one kind ({@code kubernetes}, {@code http}). Implementations validate the spec
 * themselves (namespaces allowed, parameters well formed) and throw {@link ActionException} with a reason.
 */
public interface ActionExecutor {

    /** The executor name the catalog uses. */
    String name();

    /** Operations it supports; the catalog is checked against these at start-up. */
    Set<String> operations();

    /** Current state and intended change, without changing anything (dry run where supported). */
    Preview preview(ActionSpec spec, RunAs runAs);

    ActionResult execute(ActionSpec spec, RunAs runAs);

    /** For followable results: how the change is rolling out now. */
    default Optional<Progress> progress(ActionSpec spec, RunAs runAs) {
        return Optional.empty();
    }
}
