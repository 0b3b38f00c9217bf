package dev.troupe.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.inventory.domain.Reservation;
import dev.troupe.inventory.domain.ReservationStatus;
import dev.troupe.inventory.domain.StockResult;
import dev.troupe.runtime.JsonSerde;
import dev.troupe.runtime.TaggedSerde;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReservationCodecTest {
    private final TaggedSerde<Reservation> serde = new TaggedSerde<>(Reservation.class, new ReservationCodec());

    @Test
    void aReservationReadsBackWithItsItemsAnswersAndReleases() {
        Reservation reservation = shortAndReleasing();

        assertThat(roundTrip(reservation)).usingRecursiveComparison().isEqualTo(reservation);
    }

    @Test
    void itemsNotYetKnownStayApartFromNoItems() {
        Reservation unknown = new Reservation("order-1");
        Reservation none = new Reservation("order-2");
        none.items = new TreeMap<>();

        assertThat(roundTrip(unknown).items).isNull();
        assertThat(roundTrip(none).items).isEmpty();
    }

    @Test
    void aReservationStoredAsJsonByAnEarlierVersionReadsTheSame() {
        Reservation reservation = shortAndReleasing();
        byte[] json = new JsonSerde<>(Reservation.class).serializer().serialize("reservations", reservation);

        Reservation back = serde.deserializer().deserialize("reservations", json);

        // JSON reads the maps back as maps of another kind; what counts is that they say the same.
        assertThat(serde.serializer().serialize("reservations", back))
                .isEqualTo(serde.serializer().serialize("reservations", reservation));
    }

    private Reservation roundTrip(Reservation reservation) {
        return serde.deserializer()
                .deserialize("reservations", serde.serializer().serialize("reservations", reservation));
    }

    private static Reservation shortAndReleasing() {
        Reservation reservation = new Reservation("order-1");
        reservation.items = new TreeMap<>(Map.of("SKU-1", 2, "SKU-2", 1));
        reservation.paidEventId = "event-2";
        reservation.status = ReservationStatus.RELEASING;
        reservation.answers.put("SKU-1", new StockResult(StockResult.Kind.HELD, "order-1", "SKU-1", 2, 98, true));
        reservation.answers.put("SKU-2", new StockResult(StockResult.Kind.SHORT, "order-1", "SKU-2", 1, 0, true));
        reservation.releasing.put("SKU-1", 2);
        reservation.reservedPublished = false;
        reservation.undoReason = "OUT_OF_STOCK";
        reservation.undoEventId = "event-3";
        return reservation;
    }
}
