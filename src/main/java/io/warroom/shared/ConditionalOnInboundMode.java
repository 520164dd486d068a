package io.warroom.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The bean exists only when a chat platform is configured (its {@code configuredBy} setting is not blank:
 * {@code ${X:}} yields an empty string, which {@code @ConditionalOnProperty} would count as present) and
 * reaches Warroom in the given {@link InboundMode} ({@code <prefix>.mode}). An unreadable mode matches
 * neither: binding the platform's properties then stops start-up with the clear message.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(ConditionalOnInboundMode.Matches.class)
public @interface ConditionalOnInboundMode {

    /** The platform's settings prefix, e.g. {@code warroom.slack}. */
    String prefix();

    /** The setting under the prefix that is set when the platform is configured, e.g. {@code bot-token}. */
    String configuredBy();

    InboundMode value();

    class Matches implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> a = metadata.getAnnotationAttributes(ConditionalOnInboundMode.class.getName());
            String prefix = (String) a.get("prefix");
            String configured = context.getEnvironment().getProperty(prefix + "." + a.get("configuredBy"));
            if (configured == null || configured.isBlank()) {
                return false;
            }
            try {
                return InboundMode.parse(context.getEnvironment().getProperty(prefix + ".mode"), prefix + ".mode")
                        == a.get("value");
            } catch (ConfigurationProblem e) {
                return false;
            }
        }
    }
}
