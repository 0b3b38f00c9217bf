package dev.troupe.payment.gateway;

/**
 * Where money actually moves. Every call carries an idempotency key: a call repeated with the same key (a
 * retry, or a replay after a crash) does nothing more. A call that fails for now throws
 * {@link dev.troupe.runtime.external.TransientFailureException} — whether or not the gateway acted on it, as
 * with a timeout; {@link #charged} tells which.
 */
public interface PaymentGateway {
    void charge(String idempotencyKey, String customerId, long amountCents, String currency);

    void refund(String idempotencyKey, String paymentId, long amountCents, String currency);

    /** Whether a charge was made under {@code chargeKey}, the idempotency key of {@link #charge}. */
    boolean charged(String chargeKey);
}
