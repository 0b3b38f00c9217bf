package dev.troupe.shipping.domain;

/** Where the shipment of one order stands. */
public enum ShipmentStatus {
    NONE,
    CREATED,
    FAILED,
    CANCELLED
}
