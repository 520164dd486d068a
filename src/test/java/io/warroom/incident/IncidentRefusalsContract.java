package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.Platform;
import io.warroom.command.Commands;
import io.warroom.delivery.internal.DrainForTests;
import io.warroom.support.FakeGateway;
import io.warroom.support.TestGateways;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every refusal says why and changes nothing: unknown incident, bad severity, unknown person, a resolved
 * incident, and someone the policy does not let declare or resolve (that refusal is on the timeline). Run on
 * H2 and on PostgreSQL by the two subclasses.
 */
@Import({TestGateways.class, DrainForTests.class})
abstract class IncidentRefusalsContract {

    @Autowired Commands commands;
    @Autowired ActionRouter actions;
    @Autowired DrainForTests outbox;
    @Autowired FakeGateway slack;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;

    private final Conversation channel = Conversation.of(Platform.SLACK, "C" + UUID.randomUUID().toString().substring(0, 8));

    /** What Warroom answered: every answer here is one message, sent once the channel's rate limit allows. */
    private String say(String user, String text) {
        outbox.drain();
        int before = slack.calls(channel.channel()).size();
        commands.handle(new InboundCommand(channel, new Actor(Platform.SLACK, user, user), text));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            outbox.drain();
            return slack.calls(channel.channel()).size() > before;
        });
        var calls = slack.calls(channel.channel());
        return calls.subList(before, calls.size()).stream().filter(c -> c.message() != null)
                .map(c -> c.message().fallbackText()).reduce("", (a, b) -> a + "\n" + b);
    }

    private record Counts(long incidents, long rooms, long groups, long roles, long events, long tasks) {
    }

    private Counts counts() {
        return new Counts(count("incident"), count("incident_room"),
                count("outbox where operation = 'CREATE_GROUP'"), count("incident_role"),
                count("timeline_entry where stream_id like 'incident:%'"), count("scheduled_task"));
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }

    private String declare(String title) {
        say("U0ZHANGSAN", "incident declare P1 " + title);
        return jdbc.sql("select id from incident where title = ?").param(title).query(String.class).single();
    }

    @Test
    void unknownIncidentBadSeverityAndUnknownPersonChangeNothing() {
        String id = declare("queue backlog " + UUID.randomUUID().toString().substring(0, 4));
        Counts before = counts();

        assertThat(say("U0ZHANGSAN", "incident INC-20990101-01 status all fine")).contains("There is no incident INC-20990101-01");
        assertThat(say("U0ZHANGSAN", "incident declare P5 database down")).contains("\"P5\" is not a severity");
        assertThat(say("U0ZHANGSAN", "incident " + id + " severity P9")).contains("\"P9\" is not a severity");
        assertThat(say("U0ZHANGSAN", "incident " + id + " commander @nobody.here")).contains("Nobody in the roster is \"@nobody.here\"");
        assertThat(say("U0ZHANGSAN", "incident " + id + " role barista @li.si")).contains("\"barista\" is not an incident role");

        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.sql("select person_id from incident_role where incident_id = ? and role = 'commander'").param(id)
                .query(String.class).single()).isEqualTo("zhang.san");
    }

    @Test
    void aResolvedIncidentCannotBeChangedAnyMore() {
        String id = declare("cache misses " + UUID.randomUUID().toString().substring(0, 4));
        say("U0ZHANGSAN", "incident " + id + " resolve");
        Counts before = counts();

        assertThat(say("U0LISI", "incident " + id + " status it is back")).contains(id + " is resolved: it cannot be changed");
        assertThat(say("U0LISI", "incident " + id + " severity P0")).contains(id + " is resolved");
        assertThat(say("U0LISI", "incident " + id + " commander @li.si")).contains(id + " is resolved");
        assertThat(say("U0LISI", "incident " + id + " resolve")).contains(id + " is resolved");

        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.sql("select latest_status from incident where id = ?").param(id).query(String.class).optional()
                .orElse(null)).isNull();
    }

    @Test
    void someoneThePolicyDoesNotLetRespondCanNeitherDeclareNorResolve() {
        Counts before = counts();
        assertThat(say("U0WUKE", "incident declare P0 everything is down"))
                .contains("You may not do that (incident.declare)", "policy respond lets only");
        assertThat(counts()).isEqualTo(before);
        assertThat(timeline.entries(channel.stream()).stream().map(TimelineEntry::kind))
                .contains("incident.refused");

        // Nor through the declare form.
        var form = actions.route(new InboundAction(channel, new Actor(Platform.SLACK, "U0WUKE", "wu"),
                "incident.declare-form:" + UUID.randomUUID(), "", Map.of("severity", "P0", "title", "everything is down")));
        assertThat(form.kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        assertThat(counts()).isEqualTo(before);

        String id = declare("disk full " + UUID.randomUUID().toString().substring(0, 4));
        Counts declared = counts();
        assertThat(say("U0WUKE", "incident " + id + " resolve")).contains("You may not do that (incident.resolve)");
        var click = actions.route(new InboundAction(channel, new Actor(Platform.SLACK, "U0WUKE", "wu"), "incident.resolve", id, null));
        assertThat(click.kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        assertThat(jdbc.sql("select status from incident where id = ?").param(id).query(String.class).single())
                .isEqualTo("INVESTIGATING");
        List<String> refusals = timeline.entries(Incidents.stream(id)).stream().map(TimelineEntry::kind)
                .filter("incident.refused"::equals).toList();
        assertThat(refusals).hasSize(2);
        assertThat(counts().incidents()).isEqualTo(declared.incidents());
        assertThat(counts().rooms()).isEqualTo(declared.rooms());
    }

    @Test
    void aDeclareFormWithBadValuesIsSentBackWithItsErrors() {
        Counts before = counts();
        var outcome = actions.route(new InboundAction(channel, new Actor(Platform.SLACK, "U0ZHANGSAN", "zhang"),
                "incident.declare-form:" + UUID.randomUUID(), "", Map.of("severity", "P7", "title", " ", "service", "Not A Name")));
        assertThat(outcome.kind()).isEqualTo(ActionOutcome.Kind.INVALID);
        assertThat(outcome.fieldErrors()).containsOnlyKeys("severity", "title", "service");
        assertThat(counts()).isEqualTo(before);
        // Missing arguments get the form itself.
        assertThat(say("U0ZHANGSAN", "incident declare")).contains("Declare an incident");
        assertThat(counts()).isEqualTo(before);
    }
}
