package dev.troupe.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationRulesTest {
    private final Reservation reservation = new Reservation("o-1");

    @Test
    void asksEverySkuToHoldAsSoonAsTheOrderIsCreatedWithoutWaitingForThePayment() {
        ReservationDecision decision = ReservationRules.onOrderCreated(reservation, Map.of("A", 2, "B", 1));

        assertThat(decision.commands()).extracting(StockCommand::sku).containsExactly("A", "B");
        assertThat(decision.commands()).allMatch(c -> c.kind() == StockCommand.Kind.RESERVE);
        assertThat(reservation.status).isEqualTo(ReservationStatus.HOLDING);
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
    void publishesTheReservationOnlyOnceTheOrderIsPaid() {
        ReservationRules.onOrderCreated(reservation, Map.of("A", 2, "B", 1));
        ReservationRules.onResult(reservation, held("A", 2));

        assertThat(ReservationRules.onResult(reservation, held("B", 1))).isEqualTo(ReservationDecision.NOTHING);
        assertThat(reservation.status).isEqualTo(ReservationStatus.HELD);

        ReservationDecision paid = ReservationRules.onPaid(reservation, "paid-1");
        assertThat(paid.publish()).isEqualTo(ReservationDecision.Publish.RESERVED);
        assertThat(paid.commands()).isEmpty();
        assertThat(ReservationRules.onPaid(reservation, "paid-1")).isEqualTo(ReservationDecision.NOTHING);
    }

    @Test
    void aShortSkuFailsTheWholeOrderAndWhatWasHeldIsGivenBack() {
        start();
        ReservationRules.onResult(reservation, held("A", 2));

        ReservationDecision decision = ReservationRules.onResult(reservation, shortOf("B", 1));

        assertThat(decision.publish()).isEqualTo(ReservationDecision.Publish.FAILED);
        assertThat(decision.shortages()).extracting(StockResult::sku).containsExactly("B");
        assertThat(decision.commands()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(StockCommand.Kind.RELEASE);
            assertThat(c.sku()).isEqualTo("A");
        });
    }

    @Test
    void aShortageFoundBeforeThePaymentGivesBackAtOnceAndIsPublishedWhenPaid() {
        ReservationRules.onOrderCreated(reservation, Map.of("A", 2, "B", 1));
        ReservationRules.onResult(reservation, held("A", 2));

        ReservationDecision shortage = ReservationRules.onResult(reservation, shortOf("B", 1));

        assertThat(shortage.publish()).isEqualTo(ReservationDecision.Publish.NOTHING);
        assertThat(shortage.commands()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(StockCommand.Kind.RELEASE);
            assertThat(c.sku()).isEqualTo("A");
        });
        ReservationDecision paid = ReservationRules.onPaid(reservation, "paid-1");
        assertThat(paid.publish()).isEqualTo(ReservationDecision.Publish.FAILED);
        assertThat(paid.shortages()).extracting(StockResult::sku).containsExactly("B");
        assertThat(paid.commands()).isEmpty();
    }

    @Test
    void neverPublishesAVerdictForAnOrderUndoneBeforeItWasPaid() {
        ReservationRules.onOrderCreated(reservation, Map.of("A", 2, "B", 1));
        ReservationRules.onResult(reservation, shortOf("B", 1));
        ReservationRules.onResult(reservation, held("A", 2));

        ReservationRules.onUndo(reservation, "PAYMENT_DECLINED", "cancelled-1");

        assertThat(ReservationRules.onPaid(reservation, "paid-1")).isEqualTo(ReservationDecision.NOTHING);
    }

    @Test
    void stockHeldForAnOrderUndoneBeforeItWasPaidIsGivenBackSilently() {
        ReservationRules.onOrderCreated(reservation, Map.of("A", 2));
        ReservationRules.onResult(reservation, held("A", 2));

        ReservationDecision undo = ReservationRules.onUndo(reservation, "PAYMENT_DECLINED", "cancelled-1");

        assertThat(undo.commands())
                .singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(StockCommand.Kind.RELEASE));
        assertThat(ReservationRules.onResult(reservation, released("A", 2))).isEqualTo(ReservationDecision.NOTHING);
        assertThat(reservation.status).isEqualTo(ReservationStatus.RELEASED);
        assertThat(ReservationRules.onPaid(reservation, "paid-1")).isEqualTo(ReservationDecision.NOTHING);
    }

    @Test
    void neverHoldsForAnOrderAlreadySeenCancelled() {
        ReservationRules.onUndo(reservation, "TIMED_OUT", "cancelled-1");

        assertThat(ReservationRules.onOrderCreated(reservation, Map.of("A", 2)).commands())
                .isEmpty();
        assertThat(ReservationRules.onPaid(reservation, "paid-1")).isEqualTo(ReservationDecision.NOTHING);
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

    private static StockResult shortOf(String sku, int quantity) {
        return new StockResult(StockResult.Kind.SHORT, "o-1", sku, quantity, 0, true);
    }

    private static StockResult released(String sku, int quantity) {
        return new StockResult(StockResult.Kind.RELEASED, "o-1", sku, quantity, 10, true);
    }
}
