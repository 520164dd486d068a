package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.WarroomApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A half-configured platform stops start-up with one line naming the setting, and never the secret. */
@ExtendWith(OutputCaptureExtension.class)
class StartupConfigurationTest {

    private static final String SECRET = "xoxb-0000-very-secret-token";

    private static void start(String... properties) {
        String[] all = new String[properties.length + 3];
        all[0] = "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        all[1] = "--server.port=0";
        all[2] = "--warroom.delivery.paused=true";
        System.arraycopy(properties, 0, all, 3, properties.length);
        new SpringApplicationBuilder(WarroomApplication.class).run(all).close();
    }

    @Test
    void slackTokenWithoutSigningSecretIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> start("--warroom.slack.bot-token=" + SECRET)).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Slack is half configured: warroom.slack.signing-secret (SLACK_SIGNING_SECRET) is missing")
                .doesNotContain(SECRET)
                .doesNotContain("\tat io.warroom");
    }

    @Test
    void feishuNeedsAllFourCredentials(CapturedOutput output) {
        assertThatThrownBy(() -> start("--warroom.feishu.app-id=cli_a1", "--warroom.feishu.app-secret=s3cr3t-value"))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Feishu is half configured: missing warroom.feishu.verification-token (FEISHU_VERIFICATION_TOKEN), "
                        + "warroom.feishu.encrypt-key (FEISHU_ENCRYPT_KEY)")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void exposingTheConsoleNeedsALogin(CapturedOutput output) {
        assertThatThrownBy(() -> start("--warroom.console.expose=true")).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("warroom.console.expose=true needs warroom.console.username");
    }

    @Test
    void aBrokenRosterNamesTheProblem(CapturedOutput output) {
        assertThatThrownBy(() -> start("--warroom.directory.roster=classpath:rosters/unknown-member.yaml"))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("rotation 'oncall-primary' names unknown person 'nobody'");
    }

    @Test
    void theLowMemoryProfileStillStopsStartUpOnBadConfiguration(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=lowmem", "--warroom.slack.bot-token=" + SECRET))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Slack is half configured: warroom.slack.signing-secret (SLACK_SIGNING_SECRET) is missing")
                .doesNotContain(SECRET);
    }

    @Test
    void aClusterWithoutNamespacesStopsStartUpAlthoughTheSandboxNoLongerHoldsItUp(CapturedOutput output) {
        // The sandbox is seeded in the background now; a real cluster's settings are still checked at start-up.
        assertThatThrownBy(() -> start("--warroom.kubernetes.mode=cluster")).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("warroom.kubernetes.namespaces must list the namespaces Warroom may act in");
    }

    @Test
    void theLowMemoryProfileRunsFewerThreadsAndConnections() {
        String[] args = {"--spring.datasource.url=jdbc:h2:mem:lowmem-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--server.port=0", "--warroom.delivery.paused=true", "--spring.profiles.active=lowmem"};
        try (var context = new SpringApplicationBuilder(WarroomApplication.class).run(args)) {
            var hikari = context.getBean(com.zaxxer.hikari.HikariDataSource.class);
            assertThat(hikari.getMaximumPoolSize()).isEqualTo(4);
            assertThat(context.getEnvironment().getProperty("warroom.command.workers", Integer.class)).isEqualTo(2);
            assertThat(context.getEnvironment().getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(24);
            var tomcat = (org.springframework.boot.web.embedded.tomcat.TomcatWebServer)
                    ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer();
            assertThat(tomcat.getTomcat().getConnector().getProperty("maxConnections")).isEqualTo(256);
        }
    }

    @Test
    void withNothingConfiguredItStartsAndSaysWhereTheConsoleIs(CapturedOutput output) {
        start();
        assertThat(output.getOut()).contains("Warroom ready in").contains("console: http://localhost:");
    }
}
