package io.warroom.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.chat.Actor;
import io.warroom.chat.Platform;
import io.warroom.directory.OnDuty;
import io.warroom.directory.Person;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class RosterDirectoryTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final RosterDirectory demo = new RosterDirectory(new RosterLoader("Asia/Shanghai"),
            new ClassPathResource("warroom/roster/demo-roster.yaml"));

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private String onDuty(String role, String localDateTime) {
        return demo.onDuty(at(localDateTime)).stream().filter(d -> d.role().equals(role))
                .map(d -> d.person().id()).findFirst().orElse(null);
    }

    @Test
    void weekdayDaytimeIsThePrimarysAndNightsTheSecondarys() {
        // Week of 2026-01-05 is turn 0: zhang.san primary, li.si secondary.
        assertThat(onDuty("oncall-primary", "2026-01-06T10:00")).isEqualTo("zhang.san");
        assertThat(onDuty("oncall-secondary", "2026-01-06T10:00")).isNull();
        assertThat(onDuty("oncall-primary", "2026-01-06T20:00")).isNull();
        assertThat(onDuty("oncall-secondary", "2026-01-06T20:00")).isEqualTo("li.si");
        assertThat(onDuty("oncall-secondary", "2026-01-07T03:00")).isEqualTo("li.si");
    }

    @Test
    void weekendsAreCoveredAllDayAndTheTurnPassesOnMonday() {
        assertThat(onDuty("oncall-primary", "2026-01-10T03:00")).isEqualTo("zhang.san");
        assertThat(onDuty("oncall-secondary", "2026-01-11T23:30")).isEqualTo("li.si");
        // Monday 09:00 hands over to the next members.
        assertThat(onDuty("oncall-primary", "2026-01-12T09:00")).isEqualTo("li.si");
        assertThat(onDuty("oncall-secondary", "2026-01-12T08:59")).isEqualTo("li.si");
        assertThat(onDuty("oncall-secondary", "2026-01-12T18:00")).isEqualTo("wang.wu");
    }

    @Test
    void someoneIsOnDutyAtEveryHourOfAWeek() {
        for (int h = 0; h < 7 * 24; h++) {
            Instant t = at("2026-03-02T00:30").plusSeconds(h * 3600L);
            assertThat(demo.onDuty(t)).as("duty at %s", t).isNotEmpty();
        }
    }

    @Test
    void dutyEndsAtTheEndOfTheWindow() {
        OnDuty d = demo.onDuty(at("2026-01-06T10:00")).get(0);
        assertThat(d.until()).isEqualTo(at("2026-01-06T18:00"));
    }

    @Test
    void staticRolesAndIdentitiesResolveToPeople() {
        assertThat(demo.withRole("dba", Instant.now())).extracting(Person::id).containsExactly("chen.qi");
        assertThat(demo.resolve(new Actor(Platform.SLACK, "U0LISI", null))).map(Person::id).hasValue("li.si");
        assertThat(demo.resolve(new Actor(Platform.FEISHU, "ou_lisi00000002", null))).map(Person::id).hasValue("li.si");
        assertThat(demo.resolve(new Actor(Platform.CONSOLE, "li.si", null))).map(Person::id).hasValue("li.si");
        assertThat(demo.resolve(new Actor(Platform.SLACK, "U0NOBODY", null))).isEmpty();
    }

    @Test
    void overrideReplacesTheRotation() {
        var withOverride = load("""
                timezone: Asia/Shanghai
                people: [{id: a}, {id: b}]
                rotations:
                  - {role: oncall-primary, members: [a], start: 2026-01-05T09:00, length: P7D}
                overrides:
                  - {role: oncall-primary, person: b, from: 2026-01-06T00:00, to: 2026-01-07T00:00}
                """);
        var d = withOverride.onDuty(at("2026-01-06T12:00")).get(0);
        assertThat(d.person().id()).isEqualTo("b");
        assertThat(d.override()).isTrue();
        assertThat(withOverride.onDuty(at("2026-01-07T12:00")).get(0).person().id()).isEqualTo("a");
    }

    @Test
    void mistakesAreReportedWithWhatToFix() {
        assertThatThrownBy(() -> load("people: [{id: a, colour: red}]"))
                .hasMessageContaining(":1: unknown key 'colour'");
        assertThatThrownBy(() -> load("people: [{id: a}, {id: a}]")).hasMessageContaining("'a' is listed twice");
        assertThatThrownBy(() -> load("people: [{id: a, slack: U1}, {id: b, slack: U1}]"))
                .hasMessageContaining("slack:U1 belongs to two people");
        assertThatThrownBy(() -> load("""
                people: [{id: a}]
                rotations: [{role: r, members: [ghost], start: 2026-01-05T09:00, length: P7D}]
                """)).hasMessageContaining("unknown person 'ghost'");
        assertThatThrownBy(() -> load("""
                people: [{id: a}]
                rotations: [{role: r, members: [a], start: 2026-01-05T09:00, length: P7D,
                             active: [{days: MON-FUNDAY, from: "09:00", to: "18:00"}]}]
                """)).hasMessageContaining("unknown day 'FUNDAY'");
        assertThatThrownBy(() -> load("people: [{id: Bad Id}]")).hasMessageContaining("must be lowercase");
        assertThatThrownBy(() -> load("timezone: Mars/Base\npeople: [{id: a}]")).hasMessageContaining("unknown timezone 'Mars/Base'");
    }

    @Test
    void mistakesBelowTheFirstLineNameTheirLine() {
        String roster = """
                timezone: Asia/Shanghai
                people:
                  - id: zhang.san
                    name: Zhang San
                  - id: li.si
                    name: Li Si
                    phone: "+86 138"
                    feishu: ou_1
                rotations:
                  - role: oncall-primary
                    members: [zhang.san, li.si]
                    start: 2026-01-05T09:00
                    length: 7d
                """;
        assertThat(load(roster).onDuty(at("2026-01-13T12:00")).get(0).person().id()).isEqualTo("li.si");
        assertThatThrownBy(() -> load(roster.replace("    feishu: ou_1\n", "    feishu: ou_1\n    lark: ou_2\n")))
                .hasMessageStartingWith("Roster roster.yaml:9: unknown key 'lark'");
        assertThatThrownBy(() -> load(roster.replace("length: 7d", "length: a week")))
                .hasMessage("Roster roster.yaml:13: rotation 'oncall-primary' needs a positive length such as 7d, 12h or P7D");
        assertThatThrownBy(() -> load(roster.replace("[zhang.san, li.si]", "[zhang.san, wang.wu]")))
                .hasMessage("Roster roster.yaml:10: rotation 'oncall-primary' names unknown person 'wang.wu'");
        assertThatThrownBy(() -> load(roster.replace("start: 2026-01-05T09:00", "start: next monday")))
                .hasMessageStartingWith("Roster roster.yaml:12: 'start': ");
        assertThatThrownBy(() -> load(roster.replace("  - id: li.si", "  - id: zhang.san")))
                .hasMessage("Roster roster.yaml:5: person 'zhang.san' is listed twice");
        assertThat(load(roster.replace("length: 7d", "length: P7D")).onDuty(at("2026-01-13T12:00")).get(0).person().id())
                .as("ISO-8601 still reads").isEqualTo("li.si");
    }

    private static RosterDirectory load(String yaml) {
        return new RosterDirectory(new RosterLoader("Asia/Shanghai"), new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "roster.yaml";
            }
        });
    }
}
