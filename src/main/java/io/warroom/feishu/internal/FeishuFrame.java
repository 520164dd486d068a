package io.warroom.feishu.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One frame of the Feishu / Lark long connection: a protobuf message ({@code pbbp2.Frame}) in a binary
 * WebSocket message. Fields: 1 {@code SeqID}, 2 {@code LogID} (uint64), 3 {@code service}, 4 {@code method}
 * (int32: 0 control, 1 data), 5 {@code headers} (repeated {@code {1 key, 2 value}}), 6 {@code payload_encoding},
 * 7 {@code payload_type}, 8 {@code payload} (bytes), 9 {@code LogIDNew}. Written by hand — nine fields do not
 * justify a protobuf runtime and code generator; unknown fields are skipped when reading, as protobuf does.
 */
record FeishuFrame(long seqId, long logId, int service, int method, List<Header> headers, String payloadEncoding,
                   String payloadType, byte[] payload, String logIdNew) {

    static final int CONTROL = 0;
    static final int DATA = 1;

    record Header(String key, String value) {
    }

    FeishuFrame {
        headers = List.copyOf(headers);
        payload = payload == null ? new byte[0] : payload;
    }

    String header(String key) {
        return headers.stream().filter(h -> h.key().equals(key)).map(Header::value).findFirst().orElse(null);
    }

    int intHeader(String key, int otherwise) {
        try {
            String v = header(key);
            return v == null ? otherwise : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The same frame (ids, service, headers) with another payload and one more header: how data is answered. */
    FeishuFrame answer(byte[] body, Header extra) {
        List<Header> all = new ArrayList<>(headers);
        all.add(extra);
        return new FeishuFrame(seqId, logId, service, method, all, payloadEncoding, payloadType, body, logIdNew);
    }

    static FeishuFrame ping(int service) {
        return new FeishuFrame(0, 0, service, CONTROL, List.of(new Header("type", "ping")), null, null, null, null);
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varintField(out, 1, seqId);
        varintField(out, 2, logId);
        varintField(out, 3, service);
        varintField(out, 4, method);
        for (Header h : headers) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            bytesField(header, 1, utf8(h.key()));
            bytesField(header, 2, utf8(h.value()));
            bytesField(out, 5, header.toByteArray());
        }
        bytesField(out, 6, utf8(payloadEncoding));
        bytesField(out, 7, utf8(payloadType));
        bytesField(out, 8, payload.length == 0 ? null : payload);
        bytesField(out, 9, utf8(logIdNew));
        return out.toByteArray();
    }

    static FeishuFrame decode(byte[] bytes) {
        Reader in = new Reader(bytes, 0, bytes.length);
        long seq = 0;
        long log = 0;
        int service = 0;
        int method = 0;
        List<Header> headers = new ArrayList<>();
        String encoding = null;
        String type = null;
        byte[] payload = null;
        String logNew = null;
        while (in.more()) {
            long tag = in.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            switch (field) {
                case 1 -> seq = in.varintOf(wire);
                case 2 -> log = in.varintOf(wire);
                case 3 -> service = (int) in.varintOf(wire);
                case 4 -> method = (int) in.varintOf(wire);
                case 5 -> headers.add(header(in.bytesOf(wire)));
                case 6 -> encoding = new String(in.bytesOf(wire), StandardCharsets.UTF_8);
                case 7 -> type = new String(in.bytesOf(wire), StandardCharsets.UTF_8);
                case 8 -> payload = in.bytesOf(wire);
                case 9 -> logNew = new String(in.bytesOf(wire), StandardCharsets.UTF_8);
                default -> in.skip(wire);
            }
        }
        return new FeishuFrame(seq, log, service, method, headers, encoding, type, payload, logNew);
    }

    private static Header header(byte[] bytes) {
        Reader in = new Reader(bytes, 0, bytes.length);
        String key = "";
        String value = "";
        while (in.more()) {
            long tag = in.varint();
            int wire = (int) (tag & 7);
            switch ((int) (tag >>> 3)) {
                case 1 -> key = new String(in.bytesOf(wire), StandardCharsets.UTF_8);
                case 2 -> value = new String(in.bytesOf(wire), StandardCharsets.UTF_8);
                default -> in.skip(wire);
            }
        }
        return new Header(key, value);
    }

    private static byte[] utf8(String s) {
        return s == null || s.isEmpty() ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void varintField(ByteArrayOutputStream out, int field, long value) {
        if (value != 0) {
            varint(out, (long) field << 3);
            varint(out, value);
        }
    }

    private static void bytesField(ByteArrayOutputStream out, int field, byte[] value) {
        if (value != null) {
            varint(out, ((long) field << 3) | 2);
            varint(out, value.length);
            out.writeBytes(value);
        }
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** Reads protobuf wire format; anything truncated or malformed is an {@link IllegalArgumentException}. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;
        private final int end;

        Reader(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean more() {
            return at < end;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = bytes[at++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        long varintOf(int wire) {
            if (wire != 0) {
                throw new IllegalArgumentException("expected a varint, got wire type " + wire);
            }
            return varint();
        }

        byte[] bytesOf(int wire) {
            if (wire != 2) {
                throw new IllegalArgumentException("expected bytes, got wire type " + wire);
            }
            long length = varint();
            if (length < 0 || length > end - at) {
                throw new IllegalArgumentException("length beyond the frame");
            }
            byte[] value = java.util.Arrays.copyOfRange(bytes, at, at + (int) length);
            at += (int) length;
            return value;
        }

        void skip(int wire) {
            switch (wire) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> bytesOf(2);
                case 5 -> advance(4);
                default -> throw new IllegalArgumentException("unsupported wire type " + wire);
            }
        }

        private void advance(int n) {
            if (n > end - at) {
                throw new IllegalArgumentException("truncated field");
            }
            at += n;
        }
    }
}
