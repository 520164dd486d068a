package io.warroom.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.support.AlertPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PayloadDecoderTest {

    private static Notification decode(String json) {
        return PayloadDecoder.decode("am", json.getBytes(StandardCharsets.UTF_8));
    }

    private static final Instant T = Instant.parse("2026-11-30T10:02:00Z");

    @Test
    void aWebhookOfAlertmanagerIsDecoded() {
        var n = decode(AlertPayloads.group("HighErrorRate", "service", "backend").truncated(3)
                .firing("a1b2", "backend-1", T).resolved("C3D4", "backend-2", T, T.plusSeconds(60)).json());
        assertThat(n.source()).isEqualTo("am");
        assertThat(n.truncatedAlerts()).isEqualTo(3);
        assertThat(n.groupLabels()).containsEntry("alertname", "HighErrorRate").containsEntry("service", "backend");
        assertThat(n.alerts()).hasSize(2);
        var firing = n.alerts().get(0);
        assertThat(firing.status()).isEqualTo(Notification.Status.FIRING);
        assertThat(firing.endsAt()).as("a firing alert has not ended, whatever endsAt says").isNull();
        assertThat(n.alerts().get(1).fingerprint()).isEqualTo("c3d4");
        assertThat(n.alerts().get(1).endsAt()).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void unknownFieldsOfNewerAlertmanagersAreIgnored() {
        String json = AlertPayloads.group("X").firing("ab", "i", T).json()
                .replace("\"version\":\"4\"", "\"version\":\"4\",\"notification_reason\":\"x\",\"routeLabels\":{}");
        assertThat(decode(json).alerts()).hasSize(1);
    }

    @Test
    void whatIsNotAlertmanagersIsRefusedWithOneLine() {
        String ok = AlertPayloads.group("X").firing("ab", "i", T).json();
        assertRefused("{", "malformed");
        assertRefused("[]", "malformed");
        assertRefused("null", "empty body");
        assertRefused(ok.replace("\"version\":\"4\"", "\"version\":\"3\""), "version must be \"4\"");
        assertRefused(with(ok, "groupKey", ""), "groupKey");
        assertRefused(ok.replace("\"status\":\"firing\",\"labels\"", "\"status\":\"burning\",\"labels\""), "firing or resolved");
        assertRefused(ok.replace("\"fingerprint\":\"ab\"", "\"fingerprint\":\"zz\""), "fingerprint");
        assertRefused(ok.replace("\"startsAt\":\"" + T + "\"", "\"startsAt\":\"yesterday\""), "RFC 3339");
        assertRefused(AlertPayloads.group("X").json(), "alerts is missing or empty");
        assertRefused(ok.replace("\"truncatedAlerts\":0", "\"truncatedAlerts\":-1"), "truncatedAlerts");
        assertRefused(ok.replace("\"version\":\"4\"", "\"version\":\"4\"} trailing"), "malformed");
    }

    @Test
    void aResolvedAlertWithoutAnEndIsRefused() {
        String json = AlertPayloads.group("X").resolved("ab", "i", T, T).json()
                .replace("\"endsAt\":\"" + T + "\"", "\"endsAt\":\"0001-01-01T00:00:00Z\"");
        assertRefused(json, "resolved but has no endsAt");
    }

    private static String with(String json, String field, String value) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
            tree.put(field, value);
            return mapper.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(String body, String reason) {
        assertThatThrownBy(() -> decode(body)).isInstanceOf(PayloadDecoder.BadPayload.class).hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Property(tries = 400)
    void noInputMakesTheDecoderThrowAnythingButARefusal(@ForAll("bodies") String body) {
        try {
            Notification n = PayloadDecoder.decode("am", body.getBytes(StandardCharsets.UTF_8));
            assertThat(n.alerts()).isNotEmpty();
            n.alerts().forEach(a -> assertThat(a.startsAt()).isNotNull());
        } catch (PayloadDecoder.BadPayload e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    /** Valid payloads with pieces cut, swapped or mangled, plus plain junk. */
    @Provide
    Arbitrary<String> bodies() {
        String valid = AlertPayloads.group("HighCPU", "team", "ops").annotation("summary", "cpu")
                .firing("0a", "host-1", T).resolved("0b", "host-2", T, T.plusSeconds(5)).json();
        Arbitrary<String> mangled = Arbitraries.integers().between(0, valid.length() - 1).tuple2()
                .flatMap(t -> Arbitraries.strings().ofMaxLength(12).withChars("{}[]\":,0123456789abcdef-nul\\ \u00e9\u4e2d")
                        .map(junk -> {
                            int a = Math.min(t.get1(), t.get2());
                            int b = Math.max(t.get1(), t.get2());
                            return valid.substring(0, a) + junk + valid.substring(Math.min(valid.length(), b));
                        }));
        return Arbitraries.oneOf(mangled, Arbitraries.strings().ofMaxLength(200), Arbitraries.just(valid));
    }
}
