package dev.troupe.inventory.domain;

/** Where the stock of one order stands. */
public enum ReservationStatus {
    /** Nothing asked yet: waiting for the order and its payment, or never to start (cancelled first). */
    NONE,
    /** Every SKU was asked to hold its quantity; answers are coming in. */
    PENDING,
    RESERVED,
    /** Some SKU could not hold its quantity; whatever was held is given back. */
    FAILED,
    RELEASING,
    RELEASED
}
