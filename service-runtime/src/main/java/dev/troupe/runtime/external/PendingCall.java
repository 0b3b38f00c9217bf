package dev.troupe.runtime.external;

/**
 * A call to an outside system that failed and waits for its next attempt.
 *
 * @param orderId the order it is for
 * @param step what it does for the order (e.g. {@code charge}); with the order id, its idempotency key
 * @param failedAttempts how many attempts have failed so far
 * @param firstAttemptAt when it was first tried (epoch millis)
 * @param traceId the trace of the event that caused it, so what it publishes stays in that trace
 */
public record PendingCall(String orderId, String step, int failedAttempts, long firstAttemptAt, String traceId) {
    public static PendingCall first(String orderId, String step, long now, String traceId) {
        return new PendingCall(orderId, step, 0, now, traceId);
    }

    public String idempotencyKey() {
        return idempotencyKey(orderId, step);
    }

    /** The key under which the outside system knows the order's {@code step}. */
    public static String idempotencyKey(String orderId, String step) {
        return orderId + "-" + step;
    }

    PendingCall failedOnce() {
        return new PendingCall(orderId, step, failedAttempts + 1, firstAttemptAt, traceId);
    }
}
