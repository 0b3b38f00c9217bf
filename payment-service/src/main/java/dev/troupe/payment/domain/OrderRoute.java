package dev.troupe.payment.domain;

/** What the payment service keeps per order to route its charge and undoing. Changed only through {@link RoutingRules}. */
public final class OrderRoute {
    public String orderId;
    /** Null until order.created is seen. */
    public String customerId;
    /** Set by the first failure or cancellation seen. */
    public String undoReason;

    public OrderRoute() {}

    public OrderRoute(String orderId) {
        this.orderId = orderId;
    }
}
