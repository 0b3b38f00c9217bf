package dev.troupe.payment.domain;

/**
 * What the payment of one order needs from the task that owns the customer's credit, routed by customer id: its
 * charge (when the order is created) or its undoing (on the first failure or cancellation seen).
 *
 * @param amountCents the amount to charge (CHARGE only)
 * @param currency the currency of the amount (CHARGE only)
 * @param reason why the order is undone (UNDO only)
 * @param causeEventId the event that asked for it: order.created, or the failure or cancellation
 */
public record CreditCommand(
        Kind kind,
        String orderId,
        String customerId,
        long amountCents,
        String currency,
        String reason,
        String causeEventId) {
    public enum Kind {
        CHARGE,
        UNDO
    }

    public static CreditCommand charge(
            String orderId, String customerId, long amountCents, String currency, String causeEventId) {
        return new CreditCommand(Kind.CHARGE, orderId, customerId, amountCents, currency, null, causeEventId);
    }

    public static CreditCommand undo(String orderId, String customerId, String reason, String causeEventId) {
        return new CreditCommand(Kind.UNDO, orderId, customerId, 0, null, reason, causeEventId);
    }
}
