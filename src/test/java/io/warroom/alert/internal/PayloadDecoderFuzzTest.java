package io.warroom.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.support.AlertPayloads;
import io.warroom.support.Mutations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Whatever a sender posts, the decoder returns a notification that keeps its invariants or refuses it. */
class PayloadDecoderFuzzTest {

    static final Instant T = Instant.parse("2026-11-30T10:02:00Z");
    static final String VALID = AlertPayloads.group("HighErrorRate", "service", "backend")
            .firing("a1b2", "backend-1", T).resolved("c3d4", "backend-2", T, T.plusSeconds(60)).json();

    @Property(tries = 1000)
    void aDamagedWebhookIsDecodedOrRefused(@ForAll long seed, @ForAll boolean asText) {
        Random r = new Random(seed);
        String body = asText ? Mutations.text(VALID, r) : Mutations.json(VALID, r);
        Notification n;
        try {
            n = PayloadDecoder.decode("am", body.getBytes(StandardCharsets.UTF_8));
        } catch (PayloadDecoder.BadPayload e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(n.alerts()).isNotEmpty().hasSizeLessThanOrEqualTo(PayloadDecoder.MAX_ALERTS);
        assertThat(n.truncatedAlerts()).isNotNegative();
        n.alerts().forEach(a -> {
            assertThat(a.status()).isNotNull();
            assertThat(a.fingerprint()).matches("[0-9a-f]{1,64}");
            assertThat(a.labels()).hasSizeLessThanOrEqualTo(PayloadDecoder.MAX_LABELS);
        });
    }
}
