package dev.troupe.runtime;

/**
 * Thrown by a topology for a well-formed event that breaks a rule of the service (no items, an unknown order,
 * …). The record goes to the dead-letter topic with the reason code in {@code x-dlq-reason}.
 */
public final class RejectedEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public RejectedEventException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
