package dev.troupe.payment.domain;

/** A charge or refund for the customer's credit, routed by customer id. */
public record CreditCommand(
        Kind kind, String orderId, String customerId, long amountCents, String currency, String causeEventId) {
    public enum Kind {
        CHARGE,
        REFUND
    }
}
