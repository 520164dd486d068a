package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The chart runs Slack in Socket Mode without an Ingress: the mode and the app token reach Warroom. */
class SlackHelmSocketModeTest {

    private final Helm chart = new Helm(Path.of("helm/warroom"));

    @Test
    void socketModeNeedsNoIngressAndPassesTheAppToken() {
        String out = chart.template().withName("warroom").withNamespace("ops").set("slack.mode", "socket")
                .set("existingSecret", "warroom-secrets").call();
        assertThat(out).contains("name: SLACK_MODE\n              value: \"socket\"", "key: \"SLACK_APP_TOKEN\"")
                .doesNotContain("kind: Ingress");
        assertThat(chart.template().withName("warroom").withNamespace("ops").call())
                .contains("name: SLACK_MODE\n              value: \"http\"");
    }
}
