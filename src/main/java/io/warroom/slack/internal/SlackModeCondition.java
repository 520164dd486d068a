package io.warroom.slack.internal;

import io.warroom.shared.ConfigurationProblem;
import io.warroom.shared.InboundMode;
import java.util.Map;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Slack is configured and reaches Warroom the way {@link OnSlackMode} asks. An unreadable mode counts as
 * neither: binding {@link io.warroom.slack.SlackProperties} then stops start-up with the clear message.
 */
class SlackModeCondition extends SlackConfigured {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (!super.matches(context, metadata)) {
            return false;
        }
        Map<String, Object> attributes = metadata.getAnnotationAttributes(OnSlackMode.class.getName());
        InboundMode wanted = (InboundMode) attributes.get("value");
        try {
            return InboundMode.parse(context.getEnvironment().getProperty("warroom.slack.mode"), "warroom.slack.mode")
                    == wanted;
        } catch (ConfigurationProblem e) {
            return false;
        }
    }
}
