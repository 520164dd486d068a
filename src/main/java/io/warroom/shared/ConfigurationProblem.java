package io.warroom.shared;

/**
 * A mistake in the operator's configuration (settings, roster, catalog, policies). Start-up reports its
 * message as one line; the message must name what to fix and never include a secret.
 */
public class ConfigurationProblem extends RuntimeException {
    public ConfigurationProblem(String message) {
        super(message);
    }
}
