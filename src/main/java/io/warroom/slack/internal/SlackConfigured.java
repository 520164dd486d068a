package io.warroom.slack.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when a Slack bot token is set to something. {@code ${SLACK_BOT_TOKEN:}} yields an empty string,
 * which {@code @ConditionalOnProperty} would count as present, so the value itself is checked.
 */
class SlackConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String token = context.getEnvironment().getProperty("warroom.slack.bot-token");
        return token != null && !token.isBlank();
    }
}
