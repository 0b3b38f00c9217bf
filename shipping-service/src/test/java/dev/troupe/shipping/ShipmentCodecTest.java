package dev.troupe.shipping;

import static dev.troupe.runtime.TaggedValues.readFromJson;
import static dev.troupe.runtime.TaggedValues.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.runtime.TaggedSerde;
import dev.troupe.shipping.domain.Shipment;
import dev.troupe.shipping.domain.ShipmentStatus;
import org.junit.jupiter.api.Test;

class ShipmentCodecTest {
    private final TaggedSerde<Shipment> serde = new TaggedSerde<>(Shipment.class, new ShipmentCodec());

    @Test
    void aShipmentReadsBackWithEveryField() {
        Shipment shipment = cancelling();
        assertThat(shipment).hasNoNullFieldsOrProperties();

        assertThat(roundTrip(serde, shipment)).usingRecursiveComparison().isEqualTo(shipment);
    }

    @Test
    void aShipmentJustSeenReadsBackWithItsDefaults() {
        Shipment shipment = new Shipment("order-1");

        Shipment back = roundTrip(serde, shipment);

        assertThat(back).usingRecursiveComparison().isEqualTo(shipment);
        assertThat(back.status).isEqualTo(ShipmentStatus.NONE);
    }

    @Test
    void aShipmentStoredAsJsonByAnEarlierVersionReadsTheSame() {
        Shipment shipment = cancelling();
        assertThat(readFromJson(serde, Shipment.class, shipment))
                .usingRecursiveComparison()
                .isEqualTo(shipment);
    }

    private static Shipment cancelling() {
        Shipment shipment = new Shipment("order-1");
        shipment.country = "DE";
        shipment.reservedEventId = "event-3";
        shipment.status = ShipmentStatus.CANCELLING;
        shipment.shipmentId = "shipment-1";
        shipment.carrier = "DHL";
        shipment.trackingNumber = "TRK-1";
        shipment.cancelReason = "CANCELLED";
        shipment.cancelEventId = "event-6";
        return shipment;
    }
}
