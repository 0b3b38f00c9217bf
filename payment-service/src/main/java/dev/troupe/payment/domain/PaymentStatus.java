package dev.troupe.payment.domain;

/** Where the charge of one order stands. */
public enum PaymentStatus {
    NONE,
    /** The credit is held; the gateway is charging (or being retried). */
    CAPTURING,
    /**
     * Given up on charging: asking the gateway whether an attempt whose answer was lost (a timeout, or a crash
     * before the attempt's commit) charged after all; asked until it answers, with the credit still held.
     */
    CHECKING,
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
