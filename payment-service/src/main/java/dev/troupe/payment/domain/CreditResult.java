package dev.troupe.payment.domain;

/** What a credit command did, routed back by order id. */
public record CreditResult(
        Kind kind, String orderId, long amountCents, String currency, String causeEventId, String message) {
    public enum Kind {
        CHARGED,
        DECLINED,
        REFUNDED
    }
}
