package io.warroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one strict YAML reader names the line of the mistake, not the line Jackson happened to stop at. */
class YamlFilesTest {

    record Team(String name, List<Member> members, Map<String, Member> leads) {
    }

    record Member(String id, Integer weight, List<String> roles) {
    }

    static final String TEAM = """
            # a team
            name: sre
            members:
              - id: zhang
                weight: 2
                roles: [primary]
              - id: li
                roles:
                  - secondary
                  - dba
            leads:
              night:
                id: wang
            """;

    static YamlFiles.Parsed<Team> parse(String text) {
        return YamlFiles.parse(text, "team.yaml", Team.class, "Team");
    }

    @Test
    void aGoodFileKeepsTheLineOfEveryPart() {
        var parsed = parse(TEAM);
        assertThat(parsed.value().members()).extracting(Member::id).containsExactly("zhang", "li");
        assertThat(parsed.line("/name")).isEqualTo(2);
        assertThat(parsed.line("/members/1")).isEqualTo(7);
        assertThat(parsed.line("/members/1/roles/1")).isEqualTo(10);
        assertThat(parsed.where("/leads/night/id")).isEqualTo("team.yaml:13");
        assertThat(parsed.line("/members/1/nothing/here")).as("nearest parent").isEqualTo(7);
    }

    @Test
    void anUnknownKeyIsReportedOnItsOwnLineEvenWhenTheObjectGoesOn() {
        assertThatThrownBy(() -> parse(TEAM.replace("  - id: li\n", "  - id: li\n    wieght: 3\n")))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessage("Team team.yaml:8: unknown key 'wieght' (known: id, roles, weight)");
        assertThatThrownBy(() -> parse(TEAM.replace("    id: wang", "    id: wang\n    shift: night")))
                .hasMessageStartingWith("Team team.yaml:14: unknown key 'shift'");
        assertThatThrownBy(() -> parse(TEAM + "colour: red\n")).hasMessageStartingWith("Team team.yaml:14: unknown key 'colour'");
    }

    @Test
    void aWrongTypeADuplicateKeyAndBrokenSyntaxNameTheirLines() {
        assertThatThrownBy(() -> parse(TEAM.replace("weight: 2", "weight: heavy")))
                .hasMessageStartingWith("Team team.yaml:5: 'weight': ");
        assertThatThrownBy(() -> parse(TEAM.replace("    weight: 2\n", "    weight: 2\n    weight: 3\n")))
                .hasMessageStartingWith("Team team.yaml:6: ").hasMessageContaining("Duplicate field 'weight'");
        assertThatThrownBy(() -> parse(TEAM.replace("roles: [primary]", "roles: [primary")))
                .hasMessageStartingWith("Team team.yaml:");
        assertThatThrownBy(() -> parse(TEAM.replace("members:", "members: 12\nx:")))
                .isInstanceOf(ConfigurationProblem.class);
    }

    @Test
    void anEmptyFileIsNull() {
        assertThat(parse("# nothing yet\n").value()).isNull();
        assertThat(parse("").value()).isNull();
    }
}
