package io.warroom.timeline.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The canonical form of an entry and its chained hash: {@code hash = SHA-256(previousHash + canonical)}.
 * Canonical JSON has a fixed field order and sorted detail keys, so the same entry always hashes the same.
 */
@Component
class EntryHasher {

    static final String GENESIS = "0".repeat(64);

    private final ObjectMapper canonical = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .findAndAddModules()
            .build();

    /** Details as canonical JSON text; this exact text is stored and hashed. */
    String canonicalDetails(Map<String, Object> details) {
        try {
            return canonical.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Timeline details are not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    String hash(String previousHash, String stream, long position, Instant occurredAt, String actor, String kind,
                String summary, String canonicalDetails) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("stream", stream);
        entry.put("position", position);
        entry.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(occurredAt));
        entry.put("actor", actor);
        entry.put("kind", kind);
        entry.put("summary", summary);
        try {
            String text = canonical.writeValueAsString(entry) + canonicalDetails;
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
