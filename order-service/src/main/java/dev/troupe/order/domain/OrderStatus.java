package dev.troupe.order.domain;

/** Where an order is in the saga. COMPLETED and CANCELLED are terminal. */
public enum OrderStatus {
    PENDING,
    PAID,
    RESERVED,
    COMPLETED,
    CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
