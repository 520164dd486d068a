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

    /**
     * The parameters {@code operation} takes. A name ending in '.' stands for every name with that prefix
     * ({@code query.} takes {@code query.error_rate}). The catalog refuses an entry that passes any other,
     * so a misspelt parameter stops start-up instead of being ignored.
     */
    Set<String> parameters(String operation);

    /**
     * Current state and intended change, without changing anything (dry run where supported). For a change,
     * {@link Preview#expected()} records the state shown; {@link #execute} of the spec carrying it refuses
     * with {@link ActionException.Reason#CHANGED} when the target has moved.
     */
    Preview preview(ActionSpec spec, RunAs runAs);

    ActionResult execute(ActionSpec spec, RunAs runAs);

    /** For followable results: how the change is rolling out now. */
    default Optional<Progress> progress(ActionSpec spec, RunAs runAs) {
        return Optional.empty();
    }
}
