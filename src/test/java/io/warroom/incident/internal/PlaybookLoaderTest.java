package io.warroom.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.incident.Severity;
import io.warroom.shared.ConfigurationProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

/** The shipped playbook loads as the runbook says; mistakes in a playbook stop start-up with one clear line. */
class PlaybookLoaderTest {

    private static Playbook load(String yaml) {
        return new PlaybookLoader().load(List.of(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "test.yaml";
            }
        }));
    }

    @Test
    void theShippedPlaybookIsTheRunbooksP0Flow() {
        Playbook p = new PlaybookLoader().load(List.of(new FileSystemResource("playbooks/incidents.yaml")));
        assertThat(p.policy(Severity.P0).warRoom()).isTrue();
        assertThat(p.policy(Severity.P0).invite()).containsExactly("oncall-primary", "oncall-secondary", "tech-lead", "cto");
        assertThat(p.policy(Severity.P2).warRoom()).isFalse();
        var stages = p.checklistFor(Severity.P0).orElseThrow().stages();
        assertThat(stages).extracting(Playbook.Stage::id)
                .containsExactly("confirm", "notify", "locate", "recover", "verify", "postmortem");
        assertThat(stages).extracting(Playbook.Stage::budget).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(3), Duration.ofHours(24));
        assertThat(stages.get(1).onRoomOpened()).isTrue();
        assertThat(stages.get(3).completedBy("kubernetes restart after-sales-prod/backend")).isTrue();
        assertThat(stages.get(3).completedBy("kubernetes scale after-sales-prod/backend replicas=5")).isFalse();
        assertThat(stages.get(5).startsWhenResolved()).isTrue();
        assertThat(stages.get(0).title(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("确认故障");
        assertThat(p.checklistFor(Severity.P1)).isEmpty();
        assertThat(p.database().mentionedIn("Postgres replica lag")).isTrue();
        assertThat(p.database().mentionedIn("主库连接数打满")).isTrue();
        assertThat(p.database().mentionedIn("dbt job slow")).isFalse();
        assertThat(p.alerts().forAlertSeverity("critical")).isEqualTo(Severity.P1);
        assertThat(p.alerts().forAlertSeverity("Warning")).isEqualTo(Severity.P2);
        assertThat(p.alerts().forAlertSeverity("page-me")).as("default").isEqualTo(Severity.P2);
        assertThat(p.alerts().forAlertSeverity(null)).isEqualTo(Severity.P2);
        assertThat(p.alerts().autoFor(Map.of("alertname", "ServiceDown", "severity", "critical")))
                .map(Playbook.AutoRule::severity).contains(Severity.P0);
        assertThat(p.alerts().autoFor(Map.of("alertname", "PaymentsUnavailable", "severity", "critical"))).isPresent();
        assertThat(p.alerts().autoFor(Map.of("alertname", "ServiceDown", "severity", "warning"))).isEmpty();
        assertThat(p.alerts().autoFor(Map.of("alertname", "HighErrorRate", "severity", "critical"))).isEmpty();
    }

    @Test
    void alertRulesAreCheckedAtStartUp() {
        assertThat(load("severities: {P0: {warRoom: true}}").alerts().auto()).as("no section: nothing automatic").isEmpty();
        assertThatThrownBy(() -> load("alerts: {declare: {critical: P9}}"))
                .hasMessage("Playbook test.yaml: alerts.declare.critical: 'P9' is not a severity (P0, P1, P2, P3)");
        assertThatThrownBy(() -> load("alerts: {auto: [{name: everything, severity: P0}]}"))
                .hasMessage("Playbook test.yaml: alerts.auto 'everything': needs match, matchRe or present");
        assertThatThrownBy(() -> load("alerts: {auto: [{name: bad-re, matchRe: {alertname: \"(\"}, severity: P0}]}"))
                .hasMessageStartingWith("Playbook test.yaml: alerts.auto 'bad-re': matchRe.alertname is not a regular expression");
        assertThatThrownBy(() -> load("alerts: {auto: [{match: {severity: critical}, severity: P0}]}"))
                .hasMessageContaining("every rule needs a name");
        assertThatThrownBy(() -> load("alerts: {auto: [{name: a, match: {severity: critical}}]}"))
                .hasMessage("Playbook test.yaml: alerts.auto 'a': severity: 'null' is not a severity (P0, P1, P2, P3)");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> load("severities: {P7: {warRoom: true}}"))
                .isInstanceOf(ConfigurationProblem.class).hasMessage("Playbook test.yaml: unknown severity 'P7' (P0, P1, P2, P3)");
        assertThatThrownBy(() -> load("severities: {P0: {warRoom: true, checklist: missing}}"))
                .hasMessage("Playbook: severity P0 names checklist 'missing', which does not exist");
        assertThatThrownBy(() -> load("severities: {P0: {warRom: true}}")).hasMessageContaining("unknown key 'warRom'");
        assertThatThrownBy(() -> load("""
                checklists:
                  x:
                    stages:
                      - {id: a, budget: 5 minutes, title: {en: A}}
                """)).hasMessageContaining("stage 'a': budget '5 minutes' must look like 90s, 5m or 24h");
        assertThatThrownBy(() -> load("""
                checklists:
                  x:
                    stages:
                      - {id: a, budget: 5m, title: {en: A}, commands: ["restart {deployment}"]}
                """)).hasMessageContaining("unknown placeholder {deployment}");
        assertThatThrownBy(() -> load("""
                checklists:
                  x:
                    stages:
                      - {id: a, budget: 5m, title: {en: A}}
                      - {id: a, budget: 5m, title: {en: B}}
                """)).hasMessageContaining("stage 'a': defined twice");
    }

    @Test
    void commandTemplatesLeaveOutWhatIsUnknown() {
        assertThat(CommandTemplate.fill("pods {service}[ -n {namespace}]", Map.of("service", "backend")))
                .contains("pods backend");
        assertThat(CommandTemplate.fill("pods {service}[ -n {namespace}]", Map.of("service", "backend", "namespace", "gateway")))
                .contains("pods backend -n gateway");
        assertThat(CommandTemplate.fill("restart {service}", Map.of())).isEmpty();
        assertThatThrownBy(() -> CommandTemplate.validate("pods [x [y]]")).hasMessageContaining("unbalanced or nested");
        assertThatThrownBy(() -> CommandTemplate.validate("/warroom pods x")).hasMessageContaining("without /warroom");
    }
}
