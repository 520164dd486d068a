package io.warroom.feishu.internal;

import org.springframework.http.HttpStatus;

/** An inbound request refused before it changed anything; {@code reason} tags the rejection counter. */
class FeishuRejected extends RuntimeException {

    private final HttpStatus status;
    private final String reason;

    FeishuRejected(HttpStatus status, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    static FeishuRejected malformed() {
        return new FeishuRejected(HttpStatus.BAD_REQUEST, "malformed");
    }

    HttpStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
