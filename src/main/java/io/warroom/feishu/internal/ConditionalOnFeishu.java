package io.warroom.feishu.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The bean exists only when Feishu is configured: {@code warroom.feishu.app-id} is set and not blank.
 * ({@code @ConditionalOnProperty} would take the empty default of {@code ${FEISHU_APP_ID:}} as present.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Conditional(ConditionalOnFeishu.Configured.class)
@interface ConditionalOnFeishu {

    class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String appId = context.getEnvironment().getProperty("warroom.feishu.app-id");
            return appId != null && !appId.isBlank();
        }
    }
}
