package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** The request verifier accepts exactly a fresh request signed with the secret, whatever the headers hold. */
class SlackSignatureFuzzTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final SlackRequestVerifier VERIFIER = new SlackRequestVerifier(SignedSlack.SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Property(tries = 1000)
    void onlyTheSignedFreshBodyPasses(@ForAll @StringLength(max = 500) String body, @ForAll @LongRange(min = -900, max = 900) long skew,
                                      @ForAll @IntRange(min = 0, max = 499) int flip) {
        String ts = Long.toString(NOW.getEpochSecond() + skew);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String signature = VERIFIER.sign(ts, raw);
        var verdict = VERIFIER.check(ts, signature, raw);
        assertThat(verdict).isEqualTo(Math.abs(skew) > SlackRequestVerifier.WINDOW.toSeconds()
                ? (skew < 0 ? SlackRequestVerifier.Rejection.STALE : SlackRequestVerifier.Rejection.FUTURE) : null);
        if (verdict == null && raw.length > 0) {
            byte[] changed = raw.clone();
            changed[flip % raw.length] ^= 0x20;
            assertThat(VERIFIER.check(ts, signature, changed)).isEqualTo(SlackRequestVerifier.Rejection.SIGNATURE);
        }
    }

    @Property(tries = 1000)
    void anyHeadersAreAnsweredWithAVerdictNotACrash(@ForAll @StringLength(max = 40) String ts, @ForAll @StringLength(max = 80) String sig,
                                                    @ForAll @StringLength(max = 100) String body) {
        assertThat(VERIFIER.check(ts, sig, body.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }
}
