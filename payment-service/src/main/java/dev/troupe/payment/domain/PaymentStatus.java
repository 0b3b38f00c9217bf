package dev.troupe.payment.domain;

/** Where the charge of one order stands. */
public enum PaymentStatus {
    NONE,
    /** The customer's credit is asked to cover the amount. */
    CHARGE_REQUESTED,
    /** The credit is held; the gateway is charging (or being retried). */
    CAPTURING,
    CHARGED,
    DECLINED,
    /** Not charged after all (cancelled first, or the gateway stayed unavailable): the credit is given back. */
    VOIDING,
    VOIDED,
    /** The gateway is refunding (or being retried). */
    REFUNDING,
    /** Refunded at the gateway; the credit is given back. */
    REFUND_REQUESTED,
    REFUNDED
}
