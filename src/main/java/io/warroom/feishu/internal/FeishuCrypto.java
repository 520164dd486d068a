package io.warroom.feishu.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feishu's request encryption and signature, keyed by the app's Encrypt Key: bodies are
 * {@code base64(IV ‖ AES-256-CBC(PKCS#7)(json))} with key {@code SHA-256(encryptKey)}; the signature is
 * {@code hex(SHA-256(timestamp + nonce + encryptKey + rawBody))}.
 */
final class FeishuCrypto {

    private final byte[] encryptKey;
    private final SecretKeySpec aesKey;

    FeishuCrypto(String encryptKey) {
        this.encryptKey = encryptKey.getBytes(StandardCharsets.UTF_8);
        this.aesKey = new SecretKeySpec(sha256(this.encryptKey), "AES");
    }

    /** @throws IllegalArgumentException when the text is not something this key encrypted */
    String decrypt(String base64) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        if (all.length < 32 || all.length % 16 != 0) {
            throw new IllegalArgumentException("not an AES-CBC message");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new IvParameterSpec(Arrays.copyOfRange(all, 0, 16)));
            return new String(cipher.doFinal(all, 16, all.length - 16), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot be decrypted with this key");
        }
    }

    /** Compares in constant time; {@code signature} is the lowercase hex Feishu sends. */
    boolean signatureMatches(String timestamp, String nonce, byte[] rawBody, String signature) {
        byte[] expected = HexFormat.of().formatHex(sign(timestamp, nonce, rawBody)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] sign(String timestamp, String nonce, byte[] rawBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
            sha.update(nonce.getBytes(StandardCharsets.UTF_8));
            sha.update(encryptKey);
            sha.update(rawBody);
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time equality of two secrets (verification tokens). */
    static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(sha256(expected.getBytes(StandardCharsets.UTF_8)),
                sha256(actual.getBytes(StandardCharsets.UTF_8)));
    }
}
