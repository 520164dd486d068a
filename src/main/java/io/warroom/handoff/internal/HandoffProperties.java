package io.warroom.handoff.internal;

import io.warroom.chat.Conversation;
import io.warroom.shared.ConfigurationProblem;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of shifts and handoffs ({@code warroom.handoff.*}, docs/configuration.md).
 *
 * @param channels       the on-call channel on each platform, as {@code platform:channel}: handoff cards, roster
 *                       change notices
 * @param leadTime       how long before a handover the outgoing engineer gets the form
 * @param ackReminder    how long after the handover an unacknowledged handoff reminds both engineers
 * @param escalateAfter  how long after that reminder the tech lead is told
 * @param roles          the rotation roles whose first holder is "the on-call engineer" handing over; empty = all
 * @param horizon        how far ahead handovers are planned (the planner runs every half of it)
 * @param enabled        false: no forms or reminders at handovers ({@code /warroom handoff} still works)
 */
@ConfigurationProperties("warroom.handoff")
record HandoffProperties(List<String> channels, Duration leadTime, Duration ackReminder, Duration escalateAfter,
                         List<String> roles, Duration horizon, Boolean enabled) {

    HandoffProperties {
        channels = channels == null || channels.isEmpty() ? List.of("console:oncall") : List.copyOf(channels);
        for (String c : channels) {
            try {
                Conversation.parse(c);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationProblem("warroom.handoff.channels: " + e.getMessage());
            }
        }
        leadTime = positive(leadTime, Duration.ofMinutes(30), "lead-time");
        ackReminder = positive(ackReminder, Duration.ofMinutes(15), "ack-reminder");
        escalateAfter = positive(escalateAfter, Duration.ofMinutes(15), "escalate-after");
        roles = roles == null ? List.of() : List.copyOf(roles);
        horizon = positive(horizon, Duration.ofHours(48), "horizon");
        enabled = enabled == null || enabled;
    }

    List<Conversation> conversations() {
        return channels.stream().map(Conversation::parse).toList();
    }

    private static Duration positive(Duration d, Duration fallback, String name) {
        if (d == null) {
            return fallback;
        }
        if (d.isNegative() || d.isZero()) {
            throw new ConfigurationProblem("warroom.handoff." + name + " must be positive, not " + d);
        }
        return d;
    }
}
