package io.warroom.command.internal.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One catalog entry as written in {@code commands/*.yaml} (see docs/catalog.md). */
public record CommandSpec(String id, List<String> words, String usage, Map<String, String> description, String runbook,
                   String risk, String policy, List<ParamSpec> params, ActionTemplate action,
                   List<ExampleSpec> examples) {

    record ParamSpec(String name, String type, Boolean positional, List<String> flags, Boolean required,
                     @JsonProperty("default") String defaultValue, Long min, Long max, String maxDuration,
                     List<String> allowed, String pattern, Integer maxLength, String description) {
    }

    /** The action to run; {@code {param}} placeholders are filled from the parsed parameters. */
    public record ActionTemplate(String executor, String operation, String cluster, String namespace, String target,
                          Map<String, String> parameters, Map<String, Object> body) {
    }

    /** {@code text} must parse to exactly {@code params}, or fail with a message containing {@code error}. */
    record ExampleSpec(String text, Map<String, String> params, String error) {
    }
}
