package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decryption and signatures, checked against Feishu's published example and independent computation. */
class FeishuCryptoTest {

    @Test
    void decryptsFeishusDocumentedExample() {
        // From Feishu's event subscription guide: encrypt key "test key", plain text "hello world".
        assertThat(new FeishuCrypto("test key").decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="))
                .isEqualTo("hello world");
    }

    @Test
    void refusesWhatThisKeyDidNotEncrypt() throws Exception {
        String body = FeishuRequests.encryptedBody("{\"a\":1}", "another key");
        String cipher = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("encrypt").asText();
        var crypto = new FeishuCrypto("test key");
        assertThatThrownBy(() -> crypto.decrypt("%%% not base64")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crypto.decrypt("aGVsbG8=")).isInstanceOf(IllegalArgumentException.class);
        // A wrong key fails on padding almost always; when it does not, the result is not the plain text.
        try {
            assertThat(crypto.decrypt(cipher)).isNotEqualTo("{\"a\":1}");
        } catch (IllegalArgumentException expected) {
            // the usual outcome
        }
        assertThat(new FeishuCrypto("another key").decrypt(cipher)).isEqualTo("{\"a\":1}");
    }

    @Test
    void signaturesCoverTimestampNonceKeyAndTheExactBody() throws Exception {
        var crypto = new FeishuCrypto("k3y");
        byte[] body = "{\"encrypt\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
        String good = FeishuRequests.sign("1700000000", "n", "k3y", "{\"encrypt\":\"abc\"}");
        assertThat(crypto.signatureMatches("1700000000", "n", body, good)).isTrue();
        assertThat(crypto.signatureMatches("1700000000", "n", body, good.toUpperCase())).isTrue();
        assertThat(crypto.signatureMatches("1700000001", "n", body, good)).isFalse();
        assertThat(crypto.signatureMatches("1700000000", "m", body, good)).isFalse();
        assertThat(crypto.signatureMatches("1700000000", "n", "{\"encrypt\": \"abc\"}".getBytes(StandardCharsets.UTF_8), good))
                .isFalse();
        assertThat(crypto.signatureMatches("1700000000", "n", body, "")).isFalse();
    }
}
