package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Slack beans appear only for a non-empty token: {@code ${SLACK_BOT_TOKEN:}} is an empty string, not absent. */
class SlackConfiguredTest {

    @Configuration
    static class Probe {
        @Bean
        @OnSlack
        String slackOnly() {
            return "on";
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Probe.class);

    @Test
    void emptyOrBlankTokenMeansNoSlack() {
        runner.withPropertyValues("warroom.slack.bot-token=").run(ctx -> assertThat(ctx).doesNotHaveBean("slackOnly"));
        runner.withPropertyValues("warroom.slack.bot-token=  ").run(ctx -> assertThat(ctx).doesNotHaveBean("slackOnly"));
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean("slackOnly"));
    }

    @Test
    void aTokenMeansSlack() {
        runner.withPropertyValues("warroom.slack.bot-token=xoxb-1").run(ctx -> assertThat(ctx).hasBean("slackOnly"));
    }
}
