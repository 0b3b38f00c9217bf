package dev.troupe.runtime.external;

/**
 * A call to an outside system that failed and waits for its next attempt.
 *
 * @param orderId the order it is for
 * @param step what it does for the order (e.g. {@code charge}); with the order id, its idempotency key
 * @param failedAttempts how many attempts have failed so far (since the lookup began, when looking up)
 * @param firstAttemptAt when it was first tried (epoch millis; when the lookup began, when looking up)
 * @param traceId the trace of the event that caused it, so what it publishes stays in that trace
 * @param lookingUp past the bound of a saga step: the outside system is asked whether the call was done, instead
 *     of being called again
 */
public record PendingCall(
        String orderId, String step, int failedAttempts, long firstAttemptAt, String traceId, boolean lookingUp) {
    public static PendingCall first(String orderId, String step, long now, String traceId) {
        return new PendingCall(orderId, step, 0, now, traceId, false);
    }

    public String idempotencyKey() {
        return orderId + "-" + step;
    }

    PendingCall failedOnce() {
        return new PendingCall(orderId, step, failedAttempts + 1, firstAttemptAt, traceId, lookingUp);
    }

    PendingCall lookingUpFrom(long now) {
        return new PendingCall(orderId, step, 0, now, traceId, true);
    }
}
