package io.warroom.console.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code expose} lets non-loopback clients in, and then requires {@code username}/{@code password}
 * (HTTP Basic). {@code channels} are the channels every console user sees.
 */
@ConfigurationProperties("warroom.console")
record ConsoleProperties(Boolean enabled, boolean expose, String username, String password, List<String> channels) {

    ConsoleProperties {
        enabled = enabled == null || enabled;
        channels = channels == null || channels.isEmpty() ? List.of("oncall", "ops", "incidents") : List.copyOf(channels);
    }

    @Override
    public String toString() {
        return "ConsoleProperties[enabled=" + enabled + ", expose=" + expose + ", channels=" + channels + "]";
    }
}
