package dev.troupe.shipping.domain;

import java.util.Set;

/**
 * The shipping service's part of the saga, per order: once the order's address is known and its stock
 * reserved, ship it if the country is served, or fail; on the order's cancellation, cancel a shipment made
 * for it. An order seen cancelled is never shipped.
 */
public final class ShippingRules {
    private ShippingRules() {}

    public static ShippingDecision onOrderCreated(Shipment shipment, String country, Set<String> servedCountries) {
        if (shipment.country != null) {
            return ShippingDecision.NOTHING;
        }
        shipment.country = country;
        return maybeShip(shipment, servedCountries);
    }

    public static ShippingDecision onReserved(Shipment shipment, String eventId, Set<String> servedCountries) {
        if (shipment.reservedEventId != null) {
            return ShippingDecision.NOTHING;
        }
        shipment.reservedEventId = eventId;
        return maybeShip(shipment, servedCountries);
    }

    public static ShippingDecision onCancelled(Shipment shipment, String reason, String eventId) {
        if (shipment.cancelReason != null) {
            return ShippingDecision.NOTHING;
        }
        shipment.cancelReason = reason;
        shipment.cancelEventId = eventId;
        if (shipment.status != ShipmentStatus.CREATED) {
            return ShippingDecision.NOTHING;
        }
        shipment.status = ShipmentStatus.CANCELLED;
        return new ShippingDecision(ShippingDecision.Kind.CANCELLED, eventId, reason, null);
    }

    private static ShippingDecision maybeShip(Shipment shipment, Set<String> servedCountries) {
        if (shipment.country == null
                || shipment.reservedEventId == null
                || shipment.cancelReason != null
                || shipment.status != ShipmentStatus.NONE) {
            return ShippingDecision.NOTHING;
        }
        if (!servedCountries.contains(shipment.country)) {
            shipment.status = ShipmentStatus.FAILED;
            return new ShippingDecision(
                    ShippingDecision.Kind.FAILED,
                    shipment.reservedEventId,
                    "UNSUPPORTED_COUNTRY",
                    "no shipping to " + shipment.country);
        }
        shipment.status = ShipmentStatus.CREATED;
        shipment.carrier = Carriers.carrierFor(shipment.country);
        shipment.shipmentId = Carriers.shipmentId(shipment.orderId);
        shipment.trackingNumber = Carriers.trackingNumber(shipment.carrier, shipment.orderId);
        return new ShippingDecision(ShippingDecision.Kind.CREATED, shipment.reservedEventId, null, null);
    }
}
