package dev.troupe.payment.domain;

import java.util.Optional;

/**
 * Events arrive keyed by order id, but a payment is decided where the customer's credit is kept. Per order,
 * these rules send the charge there once the order is known, unless it was undone first, and the first undo
 * signal once there is a charge to undo. Any arrival order gives the same outcome.
 */
public final class RoutingRules {
    private RoutingRules() {}

    public static Optional<CreditCommand> onOrderCreated(
            OrderRoute route, String customerId, long amountCents, String currency, String eventId) {
        if (route.customerId != null) {
            return Optional.empty();
        }
        route.customerId = customerId;
        if (route.undoReason != null) {
            return Optional.empty(); // cancelled before it was seen: never charged
        }
        return Optional.of(CreditCommand.charge(route.orderId, customerId, amountCents, currency, eventId));
    }

    public static Optional<CreditCommand> onUndo(OrderRoute route, String reason, String eventId) {
        if (route.undoReason != null) {
            return Optional.empty();
        }
        route.undoReason = reason;
        if (route.customerId == null) {
            return Optional.empty();
        }
        return Optional.of(CreditCommand.undo(route.orderId, route.customerId, reason, eventId));
    }
}
