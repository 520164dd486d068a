package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warroom.feishu.FeishuProperties;
import io.warroom.shared.ConfigurationProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Warroom's hand-written long-connection frame codec agrees with the reference protobuf library both ways,
 * skips fields it does not know, refuses truncated input, and joins split messages; the long-connection mode
 * needs only the app id and secret.
 */
class FeishuFrameTest {

    @Test
    void framesWrittenByTheReferenceLibraryAreReadAndAnswersAreReadByIt() {
        var reference = new FakeFeishuLongConnection.Frame(Long.MAX_VALUE - 3, 42, FakeFeishuLongConnection.SERVICE_ID, 1,
                List.of(new FakeFeishuLongConnection.Header("type", "event"),
                        new FakeFeishuLongConnection.Header("message_id", "msg_1"),
                        new FakeFeishuLongConnection.Header("trace_id", "追踪-1")),
                "{\"schema\":\"2.0\"}".getBytes(StandardCharsets.UTF_8));
        FeishuFrame frame = FeishuFrame.decode(FakeFeishuLongConnection.encode(reference));
        assertThat(frame.seqId()).isEqualTo(Long.MAX_VALUE - 3);
        assertThat(frame.logId()).isEqualTo(42);
        assertThat(frame.service()).isEqualTo(FakeFeishuLongConnection.SERVICE_ID);
        assertThat(frame.method()).isEqualTo(FeishuFrame.DATA);
        assertThat(frame.header("trace_id")).isEqualTo("追踪-1");
        assertThat(new String(frame.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"schema\":\"2.0\"}");
        assertThat(frame.logIdNew()).isEqualTo("log-42");

        var answer = FakeFeishuLongConnection.decode(frame.answer("{\"code\":200}".getBytes(StandardCharsets.UTF_8),
                new FeishuFrame.Header("biz_rt", "3")).encode());
        assertThat(answer.seq()).isEqualTo(Long.MAX_VALUE - 3);
        assertThat(answer.service()).isEqualTo(FakeFeishuLongConnection.SERVICE_ID);
        assertThat(answer.header("message_id")).isEqualTo("msg_1");
        assertThat(answer.header("biz_rt")).isEqualTo("3");
        assertThat(new String(answer.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":200}");

        var ping = FakeFeishuLongConnection.decode(FeishuFrame.ping(7).encode());
        assertThat(ping.method()).isZero();
        assertThat(ping.service()).isEqualTo(7);
        assertThat(ping.header("type")).isEqualTo("ping");
    }

    @Test
    void unknownFieldsAreSkippedAndBrokenFramesRefused() {
        byte[] known = FeishuFrame.ping(5).encode();
        // Field 15 as a varint, field 14 as fixed64 and field 13 as fixed32, before the known fields.
        byte[] extra = {(byte) 0x78, 0x01, (byte) 0x71, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x6d, 1, 2, 3, 4};
        byte[] both = new byte[extra.length + known.length];
        System.arraycopy(extra, 0, both, 0, extra.length);
        System.arraycopy(known, 0, both, extra.length, known.length);
        assertThat(FeishuFrame.decode(both).service()).isEqualTo(5);

        byte[] truncated = java.util.Arrays.copyOf(known, known.length - 2);
        assertThatThrownBy(() -> FeishuFrame.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeishuFrame.decode(new byte[] {0x2a, 0x7f, 0x01}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitMessagesAreJoinedInOrderWhateverOrderTheyArrive() {
        FeishuFrameParts parts = new FeishuFrameParts();
        assertThat(parts.complete(part("m1", 3, 2, "c"))).isNull();
        assertThat(parts.complete(part("m1", 3, 0, "a"))).isNull();
        assertThat(new String(parts.complete(part("m1", 3, 1, "b")), StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(new String(parts.complete(part("m2", 1, 0, "whole")), StandardCharsets.UTF_8)).isEqualTo("whole");
        assertThatThrownBy(() -> parts.complete(part("m3", 2, 5, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLongConnectionNeedsOnlyTheAppIdAndSecret() {
        var ok = new FeishuProperties("cli_1", "secret-1", null, null, null, null, null, null, "long-connection", null);
        assertThat(ok.longConnectionMode()).isTrue();
        assertThat(ok.toString()).doesNotContain("secret-1");
        assertThatThrownBy(() -> new FeishuProperties("cli_1", null, null, null, null, null, null, null,
                "long-connection", null)).isInstanceOf(ConfigurationProblem.class)
                .hasMessage("Feishu is half configured: warroom.feishu.mode (FEISHU_MODE) is long-connection but missing "
                        + "warroom.feishu.app-secret (FEISHU_APP_SECRET)");
        assertThatThrownBy(() -> new FeishuProperties("cli_1", "secret-1", null, null, null, null, null, null, "http", null))
                .isInstanceOf(ConfigurationProblem.class).hasMessageContaining("FEISHU_VERIFICATION_TOKEN");
    }

    private static FeishuFrame part(String id, int sum, int seq, String text) {
        return new FeishuFrame(1, 1, 1, FeishuFrame.DATA, List.of(new FeishuFrame.Header("message_id", id),
                new FeishuFrame.Header("sum", Integer.toString(sum)), new FeishuFrame.Header("seq", Integer.toString(seq))),
                null, null, text.getBytes(StandardCharsets.UTF_8), null);
    }
}
