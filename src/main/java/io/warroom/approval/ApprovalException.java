package io.warroom.approval;

/** A request that cannot be made (not allowed, no policy covers it); the message is for the requester. */
public class ApprovalException extends RuntimeException {
    public ApprovalException(String message) {
        super(message);
    }
}
