package io.warroom.alert.internal.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** An escalation chain: its steps run in order, and the whole chain {@code repeat} more times. */
public record Escalation(String id, List<Step> steps, int repeat) {

    /** Mention the holders of {@code roles} and/or call {@code webhook}, {@code after} the previous step. */
    public record Step(List<String> roles, Duration after, Webhook webhook) {
    }

    /** An outbound call for an escalation step; the token is read when the call is made (files rotate). */
    public record Webhook(String name, URI url, Supplier<String> token) {
        @Override
        public String toString() {
            return "Webhook[" + name + " " + url + "]";
        }
    }
}
