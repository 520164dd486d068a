package io.warroom.slack.internal;

import io.warroom.shared.InboundMode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** The bean exists only when Slack is configured in this inbound mode (HTTP endpoint or Socket Mode). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(SlackModeCondition.class)
@interface OnSlackMode {
    InboundMode value();
}
