package dev.troupe.shipping;

import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;
import dev.troupe.shipping.domain.Shipment;
import dev.troupe.shipping.domain.ShipmentStatus;

/** A shipment as tagged fields: read and written on each of the order's events and each carrier answer. */
final class ShipmentCodec implements TaggedCodec<Shipment> {
    // The tags are the stored format: never renumber one or give it to another field.
    private static final int ORDER_ID = 1;
    private static final int COUNTRY = 2;
    private static final int RESERVED_EVENT_ID = 3;
    private static final int STATUS = 4;
    private static final int SHIPMENT_ID = 5;
    private static final int CARRIER = 6;
    private static final int TRACKING_NUMBER = 7;
    private static final int CANCEL_REASON = 8;
    private static final int CANCEL_EVENT_ID = 9;

    @Override
    public void write(Shipment shipment, TaggedOutput out) {
        out.string(ORDER_ID, shipment.orderId)
                .string(COUNTRY, shipment.country)
                .string(RESERVED_EVENT_ID, shipment.reservedEventId)
                .name(STATUS, shipment.status)
                .string(SHIPMENT_ID, shipment.shipmentId)
                .string(CARRIER, shipment.carrier)
                .string(TRACKING_NUMBER, shipment.trackingNumber)
                .string(CANCEL_REASON, shipment.cancelReason)
                .string(CANCEL_EVENT_ID, shipment.cancelEventId);
    }

    @Override
    public Shipment read(TaggedInput in) {
        Shipment shipment = new Shipment();
        while (in.next()) {
            switch (in.tag()) {
                case ORDER_ID -> shipment.orderId = in.string();
                case COUNTRY -> shipment.country = in.string();
                case RESERVED_EVENT_ID -> shipment.reservedEventId = in.string();
                case STATUS -> shipment.status = in.name(ShipmentStatus.class);
                case SHIPMENT_ID -> shipment.shipmentId = in.string();
                case CARRIER -> shipment.carrier = in.string();
                case TRACKING_NUMBER -> shipment.trackingNumber = in.string();
                case CANCEL_REASON -> shipment.cancelReason = in.string();
                case CANCEL_EVENT_ID -> shipment.cancelEventId = in.string();
                default -> in.skip();
            }
        }
        return shipment;
    }
}
