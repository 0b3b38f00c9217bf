package dev.troupe.shipping.domain;

/** Where the shipment of one order stands. */
public enum ShipmentStatus {
    NONE,
    /** Being booked with the carrier (or the booking is being retried, or looked up past the retry bound). */
    BOOKING,
    CREATED,
    FAILED,
    /** Being cancelled with the carrier (or the cancellation is being retried). */
    CANCELLING,
    CANCELLED
}
