package dev.troupe.inventory.domain;

/** Where the stock of one order stands. */
public enum ReservationStatus {
    /** Nothing asked yet: waiting for the order, or never to start (cancelled first). */
    NONE,
    /** Every SKU was asked to hold its quantity; answers are coming in. */
    HOLDING,
    /** Every SKU holds its quantity; inventory.reserved waits for the payment. */
    HELD,
    RESERVED,
    /** Some SKU could not hold its quantity; whatever was held is given back; inventory.failed waits for the payment. */
    SHORT,
    FAILED,
    RELEASING,
    RELEASED
}
