package io.warroom.incident;

import io.warroom.feishu.internal.FakeFeishuOpenApi;
import io.warroom.feishu.internal.FeishuRequests;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.slack.internal.SignedSlack;
import io.warroom.support.AlertPayloads;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with Slack and Feishu both configured, against the stateful fakes of their APIs over
 * real HTTP, dispatcher running, on its own H2. Subclasses share one context and one pair of fakes, so each
 * test declares its own incident (its own title) and its own origin channel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:incident-both;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.directory.roster=classpath:rosters/incident-roster.yaml",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
        "warroom.slack.signing-secret=" + SignedSlack.SECRET,
        "warroom.feishu.app-id=" + FakeFeishuOpenApi.APP_ID,
        "warroom.feishu.app-secret=" + FakeFeishuOpenApi.APP_SECRET,
        "warroom.feishu.verification-token=" + FeishuRequests.VERIFICATION_TOKEN,
        "warroom.feishu.encrypt-key=" + FeishuRequests.ENCRYPT_KEY,
        "warroom.delivery.poll-interval=100ms",
        "warroom.delivery.initial-backoff=200ms",
        "warroom.alerts.token=" + AlertPayloads.TOKEN,
        "warroom.alerts.routing=classpath:test-alerts/incident-routing.yaml"})
abstract class BothPlatformsTestBase {

    static final FakeSlackApi SLACK = new FakeSlackApi(Duration.ofMillis(200));
    static final FakeFeishuOpenApi FEISHU = FakeFeishuOpenApi.fresh();
    static final Duration WAIT = Duration.ofSeconds(30);

    /** The bot and the roster's people on each platform (incident-roster.yaml). */
    static final String SLACK_BOT = "UBOT0WARROOM";
    static final String ZHANG_SLACK = "U0ZHANGSAN";
    static final String LI_SLACK = "U0LISI";
    static final String ZHAO_SLACK = "U0ZHAOLIU";
    static final String SUN_SLACK = "U0SUNBA";
    static final String ZHANG_FEISHU = "ou_zhangsan0001";
    static final String LI_FEISHU = "ou_lisi00000002";
    static final String ZHAO_FEISHU = "ou_zhaoliu00004";

    @LocalServerPort int port;
    @Autowired Incidents incidents;

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        registry.add("warroom.slack.api-base-url", SLACK::baseUrl);
        registry.add("warroom.feishu.base-url", FEISHU::baseUrl);
    }

    SignedSlack slack() {
        return new SignedSlack(port);
    }

    FeishuRequests feishu() {
        return new FeishuRequests(port);
    }

    static String newSlackChannel() {
        return "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** The open incident with this title (tests use their own titles). */
    IncidentSummary incident(String title) {
        List<IncidentSummary> found = incidents.open().stream().filter(i -> i.title().equals(title)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one incident titled '" + title + "', found " + found);
        }
        return found.get(0);
    }

    static List<FakeSlackApi.Channel> slackRooms(String incidentId) {
        return SLACK.channels().stream().filter(c -> c.name().startsWith(incidentId.toLowerCase())).toList();
    }

    static List<FakeFeishuOpenApi.Chat> feishuRooms(String incidentId) {
        return FEISHU.chats().stream().filter(c -> c.name().contains(incidentId)).toList();
    }
}
