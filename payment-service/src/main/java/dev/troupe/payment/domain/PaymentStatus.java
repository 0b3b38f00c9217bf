package dev.troupe.payment.domain;

/** Where the charge of one order stands. */
public enum PaymentStatus {
    NONE,
    CHARGE_REQUESTED,
    CHARGED,
    DECLINED,
    REFUND_REQUESTED,
    REFUNDED
}
