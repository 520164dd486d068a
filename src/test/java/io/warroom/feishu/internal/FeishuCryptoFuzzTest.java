package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The decryptor opens exactly what was encrypted with its key and refuses anything else with its one
 * documented exception; the signature accepts exactly the signed bytes.
 */
class FeishuCryptoFuzzTest {

    static final FeishuCrypto CRYPTO = new FeishuCrypto(FeishuRequests.ENCRYPT_KEY);
    static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 500)
    void whatWasEncryptedWithTheKeyIsWhatDecrypts(@ForAll @StringLength(max = 2000) String text) throws Exception {
        String body = FeishuRequests.encryptedBody(text, FeishuRequests.ENCRYPT_KEY);
        assertThat(CRYPTO.decrypt(JSON.readTree(body).path("encrypt").asText())).isEqualTo(text);
    }

    @Property(tries = 1000)
    void anythingElseIsRefusedWithTheDocumentedException(@ForAll @StringLength(max = 400) String junk) {
        try {
            CRYPTO.decrypt(junk);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isIn("not base64", "not an AES-CBC message", "cannot be decrypted with this key");
        }
    }

    @Property(tries = 200)
    void anotherKeysMessageIsNeverReadAsThisKeys(@ForAll @StringLength(min = 1, max = 200) String text) throws Exception {
        String body = FeishuRequests.encryptedBody("{\"token\":\"" + text.hashCode() + "\"}", "another-key");
        String encrypted = JSON.readTree(body).path("encrypt").asText();
        try {
            assertThat(CRYPTO.decrypt(encrypted)).doesNotStartWith("{\"token\"");
        } catch (IllegalArgumentException expected) {
            // the usual outcome: the padding does not check out
        }
    }

    @Property(tries = 500)
    void theSignatureCoversEveryByte(@ForAll @StringLength(max = 300) String body, @ForAll @IntRange(min = 0, max = 299) int flip)
            throws Exception {
        String ts = "1764500000";
        String nonce = "n0nce";
        String signature = FeishuRequests.sign(ts, nonce, FeishuRequests.ENCRYPT_KEY, body);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        assertThat(CRYPTO.signatureMatches(ts, nonce, raw, signature)).isTrue();
        assertThat(CRYPTO.signatureMatches(ts + "1", nonce, raw, signature)).isFalse();
        assertThat(CRYPTO.signatureMatches(ts, nonce + "x", raw, signature)).isFalse();
        if (raw.length > 0) {
            byte[] changed = raw.clone();
            changed[flip % raw.length] ^= 0x01;
            assertThat(CRYPTO.signatureMatches(ts, nonce, changed, signature)).isFalse();
        }
        assertThatThrownBy(() -> CRYPTO.decrypt("%%%")).isInstanceOf(IllegalArgumentException.class);
    }
}
