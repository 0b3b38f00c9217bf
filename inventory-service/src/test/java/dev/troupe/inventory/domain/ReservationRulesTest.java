package dev.troupe.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationRulesTest {
    private final Reservation reservation = new Reservation("o-1");

    @Test
    void asksEverySkuOnceTheOrderIsKnownAndPaidInEitherOrder() {
        assertThat(ReservationRules.onPaid(reservation, "paid-1").commands()).isEmpty();

        ReservationDecision decision = ReservationRules.onOrderCreated(reservation, Map.of("A", 2, "B", 1));

        assertThat(decision.commands()).extracting(StockCommand::sku).containsExactly("A", "B");
        assertThat(decision.commands())
                .allMatch(c -> c.kind() == StockCommand.Kind.RESERVE
                        && c.causeEventId().equals("paid-1"));
        assertThat(reservation.status).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void reservesOnlyWhenEverySkuHolds() {
        start();

        assertThat(ReservationRules.onResult(reservation, held("A", 2)).publish())
                .isEqualTo(ReservationDecision.Publish.NOTHING);
        assertThat(ReservationRules.onResult(reservation, held("B", 1)).publish())
                .isEqualTo(ReservationDecision.Publish.RESERVED);
    }

    @Test
    void aShortSkuFailsTheWholeOrderAndWhatWasHeldIsGivenBack() {
        start();
        ReservationRules.onResult(reservation, held("A", 2));

        ReservationDecision decision =
                ReservationRules.onResult(reservation, new StockResult(StockResult.Kind.SHORT, "o-1", "B", 1, 0, true));

        assertThat(decision.publish()).isEqualTo(ReservationDecision.Publish.FAILED);
        assertThat(decision.shortages()).extracting(StockResult::sku).containsExactly("B");
        assertThat(decision.commands()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(StockCommand.Kind.RELEASE);
            assertThat(c.sku()).isEqualTo("A");
        });
    }

    @Test
    void neverReservesForAnOrderAlreadySeenCancelled() {
        ReservationRules.onUndo(reservation, "TIMED_OUT", "cancelled-1");
        ReservationRules.onOrderCreated(reservation, Map.of("A", 2));

        assertThat(ReservationRules.onPaid(reservation, "paid-1").commands()).isEmpty();
    }

    @Test
    void aCancellationWhileTheAnswersAreOnTheirWayGivesEverythingBackSilently() {
        start();
        ReservationRules.onUndo(reservation, "TIMED_OUT", "cancelled-1");
        ReservationRules.onResult(reservation, held("A", 2));

        ReservationDecision decision = ReservationRules.onResult(reservation, held("B", 1));

        assertThat(decision.publish()).isEqualTo(ReservationDecision.Publish.NOTHING);
        assertThat(decision.commands())
                .extracting(StockCommand::kind)
                .containsOnly(StockCommand.Kind.RELEASE)
                .hasSize(2);
        ReservationRules.onResult(reservation, released("A", 2));
        assertThat(ReservationRules.onResult(reservation, released("B", 1)).publish())
                .isEqualTo(ReservationDecision.Publish.NOTHING);
        assertThat(reservation.status).isEqualTo(ReservationStatus.RELEASED);
    }

    @Test
    void aReservationIsReleasedOnceWhateverUndoesItFirst() {
        start();
        ReservationRules.onResult(reservation, held("A", 2));
        ReservationRules.onResult(reservation, held("B", 1));

        ReservationDecision first = ReservationRules.onUndo(reservation, "SHIPPING_FAILED", "failed-1");
        ReservationDecision second = ReservationRules.onUndo(reservation, "SHIPPING_FAILED", "cancelled-1");

        assertThat(first.commands()).hasSize(2);
        assertThat(second).isEqualTo(ReservationDecision.NOTHING);
        ReservationRules.onResult(reservation, released("A", 2));
        assertThat(ReservationRules.onResult(reservation, released("B", 1)).publish())
                .isEqualTo(ReservationDecision.Publish.RELEASED);
    }

    private void start() {
        ReservationRules.onOrderCreated(reservation, Map.of("A", 2, "B", 1));
        ReservationRules.onPaid(reservation, "paid-1");
    }

    private static StockResult held(String sku, int quantity) {
        return new StockResult(StockResult.Kind.HELD, "o-1", sku, quantity, 10, true);
    }

    private static StockResult released(String sku, int quantity) {
        return new StockResult(StockResult.Kind.RELEASED, "o-1", sku, quantity, 10, true);
    }
}
