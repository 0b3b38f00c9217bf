package dev.troupe.order.domain;

/** What each service has done for an order, and whether it has been undone. */
public final class Compensations {
    public enum Payment {
        NONE,
        CHARGED,
        DECLINED,
        REFUNDED
    }

    public enum Stock {
        NONE,
        RESERVED,
        UNAVAILABLE,
        RELEASED
    }

    public enum Shipment {
        NONE,
        CREATED,
        FAILED,
        CANCELLED
    }

    private Compensations() {}
}
