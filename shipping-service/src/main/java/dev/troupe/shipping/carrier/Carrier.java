package dev.troupe.shipping.carrier;

/**
 * The carriers' booking system. Every call carries an idempotency key: repeated with the same key (a retry,
 * or a replay after a crash) it does nothing more. A call that fails for now throws
 * {@link dev.troupe.runtime.external.TransientFailureException} — whether or not the carrier acted on it, as
 * with a timeout; {@link #booked} tells which.
 */
public interface Carrier {
    void book(String idempotencyKey, String carrier, String trackingNumber, String country);

    void cancel(String idempotencyKey, String carrier, String trackingNumber);

    /** Whether a booking was made under {@code bookingKey}, the idempotency key of {@link #book}. */
    boolean booked(String bookingKey);
}
