package dev.troupe.payment.domain;

/** Where the charge of one order stands. */
public enum PaymentStatus {
    NONE,
    /** The credit is held; the gateway is charging (retried, or asked past the retry bound whether it did). */
    CAPTURING,
    CHARGED,
    /** Declined: the customer's credit does not cover the amount. */
    DECLINED,
    /** Not charged after all: the gateway stayed unavailable, and the credit was given back. */
    VOIDED,
    /** The gateway is refunding (or being retried). */
    REFUNDING,
    /** Refunded at the gateway, and the credit given back. */
    REFUNDED
}
