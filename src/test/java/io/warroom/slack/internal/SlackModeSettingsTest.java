package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.WarroomApplication;
import io.warroom.shared.ConfigurationProblem;
import io.warroom.slack.SlackProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code warroom.slack.mode}: each mode needs its own credentials, and a half-configured one says what is missing. */
@ExtendWith(OutputCaptureExtension.class)
class SlackModeSettingsTest {

    private static final String BOT = "xoxb-1-secret-bot";
    private static final String APP = "xapp-1-secret-app";

    private static SlackProperties slack(String mode, String bot, String secret, String app) {
        return new SlackProperties(bot, secret, null, null, null, null, mode, app, null);
    }

    @Test
    void socketModeNeedsTheAppTokenButNoSigningSecret() {
        SlackProperties ok = slack("socket", BOT, null, APP);
        assertThat(ok.socketMode()).isTrue();
        assertThat(slack("long-connection", BOT, null, APP).socketMode()).isTrue();
        assertThat(slack(" Socket ", BOT, null, APP).socketMode()).isTrue();
        assertThat(slack(null, BOT, "s", null).socketMode()).isFalse();
        assertThat(ok.toString()).doesNotContain(BOT).doesNotContain(APP);
    }

    @Test
    void halfConfiguredModesAreRefusedWithOneLineAndNoSecret() {
        assertThatThrownBy(() -> slack("socket", BOT, null, null)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("warroom.slack.app-token (SLACK_APP_TOKEN").hasMessageNotContaining(BOT);
        assertThatThrownBy(() -> slack("socket", null, null, APP)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("warroom.slack.bot-token (SLACK_BOT_TOKEN) is missing").hasMessageNotContaining(APP);
        assertThatThrownBy(() -> slack("socket", BOT, null, BOT)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("must be an app-level token starting with xapp-").hasMessageNotContaining(BOT);
        assertThatThrownBy(() -> slack("http", BOT, "s", APP)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("SLACK_MODE=socket");
        assertThatThrownBy(() -> slack("http", BOT, null, null)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("warroom.slack.signing-secret (SLACK_SIGNING_SECRET) is missing");
        assertThatThrownBy(() -> slack("websockets", BOT, null, APP)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("warroom.slack.mode (SLACK_MODE) must be http or socket");
    }

    @Test
    void startUpStopsWithTheLineWhenSocketModeLacksTheAppToken(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WarroomApplication.class).run(
                "--spring.datasource.url=jdbc:h2:mem:slack-mode-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--server.port=0", "--warroom.delivery.paused=true", "--warroom.slack.mode=socket",
                "--warroom.slack.bot-token=" + BOT).close()).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Slack is half configured: warroom.slack.mode (SLACK_MODE) is socket but warroom.slack.app-token")
                .doesNotContain(BOT)
                .doesNotContain("\tat io.warroom");
    }
}
