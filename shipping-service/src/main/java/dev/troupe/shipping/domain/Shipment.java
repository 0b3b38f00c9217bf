package dev.troupe.shipping.domain;

/** The shipping service's view of one order. Changed only through {@link ShippingRules}. */
public final class Shipment {
    public String orderId;
    /** ISO 3166 alpha-2 country of the shipping address; null until order.created is seen. */
    public String country;

    public String reservedEventId;
    public ShipmentStatus status = ShipmentStatus.NONE;
    public String shipmentId;
    public String carrier;
    public String trackingNumber;
    public String cancelReason;
    public String cancelEventId;

    public Shipment() {}

    public Shipment(String orderId) {
        this.orderId = orderId;
    }
}
