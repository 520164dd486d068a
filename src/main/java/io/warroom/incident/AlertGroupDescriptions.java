package io.warroom.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * Optional: lets the module that owns alert groups describe one for the incident record (name, severity,
 * when it fired and resolved). Without such a bean the record lists the stored references as they are.
 */
public interface AlertGroupDescriptions {

    Optional<String> describe(String alertGroup, Locale locale);
}
