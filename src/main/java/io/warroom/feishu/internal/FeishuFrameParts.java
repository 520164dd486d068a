package io.warroom.feishu.internal;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Joins a long-connection message Feishu split into several data frames (headers {@code sum} > 1 and
 * {@code seq} 0…sum-1, same {@code message_id}). Incomplete messages are forgotten beyond a bound, so parts
 * of messages that never complete cannot pile up.
 */
class FeishuFrameParts {

    private static final int MAX_OPEN = 256;
    private static final int MAX_PARTS = 64;

    private final Map<String, byte[][]> open = new LinkedHashMap<>();

    /** @return the whole payload once every part has arrived, else null */
    synchronized byte[] complete(FeishuFrame frame) {
        int sum = frame.intHeader("sum", 1);
        if (sum <= 1) {
            return frame.payload();
        }
        int seq = frame.intHeader("seq", -1);
        String id = frame.header("message_id");
        if (id == null || sum > MAX_PARTS || seq < 0 || seq >= sum) {
            throw new IllegalArgumentException("a split message with bad sum/seq/message_id");
        }
        byte[][] parts = open.computeIfAbsent(id, k -> new byte[sum][]);
        if (parts.length != sum) {
            throw new IllegalArgumentException("parts of one message disagree on their number");
        }
        parts[seq] = frame.payload();
        while (open.size() > MAX_OPEN) {
            open.remove(open.keySet().iterator().next());
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            if (part == null) {
                return null;
            }
            whole.writeBytes(part);
        }
        open.remove(id);
        return whole.toByteArray();
    }
}
