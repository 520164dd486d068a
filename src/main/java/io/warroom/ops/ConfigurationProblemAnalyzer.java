package io.warroom.ops;

import io.warroom.shared.ConfigurationProblem;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a configuration mistake anywhere in start-up into its one-line explanation, without a stack trace. */
public class ConfigurationProblemAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblem cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the setting named above (docs/configuration.md lists them all) and start Warroom again.", null);
    }
}
