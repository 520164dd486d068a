package io.warroom.command.internal.catalog;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** A validated parameter declaration. Positional parameters have no flags; boolean flags take no value. */
record Param(String name, ParamType type, boolean positional, List<String> flags, boolean required,
             String defaultValue, Long min, Long max, Duration maxDuration, List<String> allowed, Pattern pattern,
             Integer maxLength) {

    Param withoutAllowList() {
        return new Param(name, type, positional, flags, required, defaultValue, min, max, maxDuration, List.of(),
                pattern, maxLength);
    }

    /** The parameters this one fills: a container=image pair fills two. */
    List<String> outputs() {
        return type == ParamType.CONTAINER_IMAGE ? List.of("container", "image") : List.of(name);
    }
}
