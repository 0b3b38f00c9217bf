package dev.troupe.shipping.domain;

import dev.troupe.shipping.domain.ShippingDecision.CarrierCall;
import dev.troupe.shipping.domain.ShippingDecision.Kind;
import java.util.Set;

/**
 * The shipping service's part of the saga, per order: once the order's address is known and its stock
 * reserved, book it with the carrier if the country is served, or fail; on the order's cancellation, cancel a
 * shipment made for it. An order seen cancelled is never shipped; one cancelled while its booking is under
 * way is cancelled with the carrier once booked. A carrier that stays unavailable fails the shipment.
 */
public final class ShippingRules {
    public static final String CARRIER_UNAVAILABLE = "CARRIER_UNAVAILABLE";

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
        shipment.status = ShipmentStatus.CANCELLING;
        return ShippingDecision.call(CarrierCall.CANCEL);
    }

    public static ShippingDecision onBooked(Shipment shipment) {
        if (shipment.status != ShipmentStatus.BOOKING) {
            return ShippingDecision.NOTHING;
        }
        shipment.status = ShipmentStatus.CREATED;
        if (shipment.cancelReason == null) {
            return ShippingDecision.publish(Kind.CREATED, shipment.reservedEventId, null, null);
        }
        shipment.status = ShipmentStatus.CANCELLING;
        return new ShippingDecision(Kind.CREATED, shipment.reservedEventId, null, null, CarrierCall.CANCEL);
    }

    /**
     * The carrier stayed unavailable past the retry bound, and says it holds no booking for the order (an
     * attempt may have booked with its answer lost: the retry queue asks before it gives up). The shipment fails.
     */
    public static ShippingDecision onBookingGaveUp(Shipment shipment) {
        if (shipment.status != ShipmentStatus.BOOKING) {
            return ShippingDecision.NOTHING;
        }
        shipment.status = ShipmentStatus.FAILED;
        return ShippingDecision.publish(
                Kind.FAILED,
                shipment.reservedEventId,
                CARRIER_UNAVAILABLE,
                "the carrier stayed unavailable past the retry bound and holds no booking for the order");
    }

    public static ShippingDecision onCarrierCancelled(Shipment shipment) {
        if (shipment.status != ShipmentStatus.CANCELLING) {
            return ShippingDecision.NOTHING;
        }
        shipment.status = ShipmentStatus.CANCELLED;
        return ShippingDecision.publish(Kind.CANCELLED, shipment.cancelEventId, shipment.cancelReason, null);
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
            return ShippingDecision.publish(
                    Kind.FAILED, shipment.reservedEventId, "UNSUPPORTED_COUNTRY", "no shipping to " + shipment.country);
        }
        shipment.status = ShipmentStatus.BOOKING;
        shipment.carrier = Carriers.carrierFor(shipment.country);
        shipment.shipmentId = Carriers.shipmentId(shipment.orderId);
        shipment.trackingNumber = Carriers.trackingNumber(shipment.carrier, shipment.orderId);
        return ShippingDecision.call(CarrierCall.BOOK);
    }
}
