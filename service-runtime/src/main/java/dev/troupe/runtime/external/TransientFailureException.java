package dev.troupe.runtime.external;

/** A system outside Kafka could not do it now, but may later: the call is worth retrying. */
public final class TransientFailureException extends RuntimeException {
    public TransientFailureException(String message) {
        super(message);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
