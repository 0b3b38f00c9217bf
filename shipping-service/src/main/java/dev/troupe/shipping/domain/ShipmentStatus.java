package dev.troupe.shipping.domain;

/** Where the shipment of one order stands. */
public enum ShipmentStatus {
    NONE,
    /** Being booked with the carrier (or the booking is being retried). */
    BOOKING,
    /**
     * Given up on booking: asking the carrier whether an attempt whose answer was lost (a timeout, or a crash
     * before the attempt's commit) booked it after all; asked until it answers.
     */
    CHECKING,
    CREATED,
    FAILED,
    /** Being cancelled with the carrier (or the cancellation is being retried). */
    CANCELLING,
    CANCELLED
}
