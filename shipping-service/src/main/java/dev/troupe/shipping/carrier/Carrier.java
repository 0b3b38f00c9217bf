package dev.troupe.shipping.carrier;

/**
 * The carriers' booking system. Every call carries an idempotency key: repeated with the same key (a retry,
 * or a replay after a crash) it does nothing more. A call that fails for now throws
 * {@link dev.troupe.runtime.external.TransientFailureException}.
 */
public interface Carrier {
    void book(String idempotencyKey, String carrier, String trackingNumber, String country);

    void cancel(String idempotencyKey, String carrier, String trackingNumber);
}
