package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.OutboundMessage;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A replica whose command queue is full (one worker, room for one command, that command stuck) answers a
 * slash command at once with "busy, send it again" in the channel's language and stores nothing, not even
 * the trigger id, so the same request sent again once there is room is taken and answered; a Slack event
 * gets 503, so Slack delivers it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slack-busy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
        "warroom.slack.signing-secret=" + SignedSlack.SECRET,
        "warroom.directory.roster=classpath:rosters/slack-roster.yaml",
        "warroom.delivery.poll-interval=100ms",
        "warroom.command.workers=1", "warroom.command.queue=1",
        "warroom.locale.channels[slack\\:CBUSYZH]=zh-CN"})
class SlackBusyTest {

    static final FakeSlackApi FAKE = new FakeSlackApi(Duration.ofMillis(1));
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch HOLDING = new CountDownLatch(1);

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        registry.add("warroom.slack.api-base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        FAKE.close();
    }

    @TestConfiguration
    static class Holding {
        @Bean
        ChatCommand holdCommand() {
            return new ChatCommand() {
                public String name() {
                    return "hold";
                }

                public String usage() {
                    return "";
                }

                public String descriptionKey() {
                    return "help.description";
                }

                public CommandReply run(CommandContext ctx) {
                    HOLDING.countDown();
                    try {
                        RELEASE.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return CommandReply.ephemeral(OutboundMessage.builder().text("held").build());
                }
            };
        }
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    @Test
    void aFullQueueAnswersBusyStoresNothingAndTheSameRequestIsTakenOnceThereIsRoom() throws Exception {
        var slack = new SignedSlack(port);
        assertThat(slack.slashCommand("U0ZHANGSAN", "CBUSYHOLD", "hold", "trig-" + UUID.randomUUID()).body()).isEmpty();
        assertThat(HOLDING.await(20, TimeUnit.SECONDS)).as("the one worker holds the one place").isTrue();

        String trigger = "trig-" + UUID.randomUUID();
        var busy = slack.slashCommand("U0ZHANGSAN", "CBUSYEN", "help", trigger);
        assertThat(busy.statusCode()).isEqualTo(200);
        assertThat(busy.body()).contains("Warroom is busy").contains("send it again");
        assertThat(slack.slashCommand("U0ZHANGSAN", "CBUSYZH", "help", "trig-" + UUID.randomUUID()).body())
                .contains("Warroom 当前繁忙");
        var event = slack.signedJson(slack.eventCallback("Ev" + UUID.randomUUID().toString().substring(0, 8), SignedSlack.appMention(
                "U0ZHANGSAN", "CBUSYEV", "<@" + FakeSlackApi.BOT_USER + "> help", "1700000000.000100", null)), java.util.Map.of());
        assertThat(event.statusCode()).as("Slack delivers a refused event again").isEqualTo(503);
        assertThat(jdbc.sql("select count(*) from command_inbox where channel in ('CBUSYEN', 'CBUSYZH', 'CBUSYEV')")
                .query(Long.class).single()).as("nothing stored for a refused request").isZero();
        assertThat(meters.get("warroom.inbound.rejected").tags("endpoint", "slack", "reason", "busy").counter().count())
                .isEqualTo(3);

        RELEASE.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from command_inbox where channel = 'CBUSYHOLD' and state = 'DONE'").query(Long.class).single() == 1);
        var again = slack.slashCommand("U0ZHANGSAN", "CBUSYEN", "help", trigger);
        assertThat(again.body()).as("the same trigger is not taken for a repeat: it was never stored").isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> FAKE.ephemerals("CBUSYEN").stream()
                .anyMatch(e -> e.text().contains("Warroom commands")));
    }
}
