package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chart runs both platforms without an Ingress: Slack in Socket Mode and Feishu over the long connection
 * get their mode and the one secret key each needs; HTTP stays the default.
 */
class HelmSocketModesTest {

    private final Helm chart = new Helm(Path.of("helm/warroom"));

    @Test
    void socketModesNeedNoIngressAndPassTheirSettings() {
        String out = chart.template().withName("warroom").withNamespace("ops").set("slack.mode", "socket")
                .set("feishu.mode", "long-connection").set("existingSecret", "warroom-secrets").call();
        assertThat(out).contains("name: SLACK_MODE\n              value: \"socket\"",
                        "name: FEISHU_MODE\n              value: \"long-connection\"", "key: \"SLACK_APP_TOKEN\"")
                .doesNotContain("kind: Ingress");
        assertThat(chart.template().withName("warroom").withNamespace("ops").call())
                .contains("name: SLACK_MODE\n              value: \"http\"", "name: FEISHU_MODE\n              value: \"http\"");
    }
}
