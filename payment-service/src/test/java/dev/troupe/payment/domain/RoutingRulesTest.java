package dev.troupe.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutingRulesTest {
    private final OrderRoute route = new OrderRoute("order-1");

    @Test
    void sendsTheChargeOnceToTheCustomersCredit() {
        assertThat(RoutingRules.onOrderCreated(route, "c1", 500, "EUR", "created-1"))
                .hasValue(CreditCommand.charge("order-1", "c1", 500, "EUR", "created-1"));
        assertThat(RoutingRules.onOrderCreated(route, "c1", 500, "EUR", "created-1"))
                .isEmpty();
    }

    @Test
    void sendsOnlyTheFirstUndoSignal() {
        RoutingRules.onOrderCreated(route, "c1", 500, "EUR", "created-1");

        assertThat(RoutingRules.onUndo(route, "OUT_OF_STOCK", "failed-1"))
                .hasValue(CreditCommand.undo("order-1", "c1", "OUT_OF_STOCK", "failed-1"));
        assertThat(RoutingRules.onUndo(route, "OUT_OF_STOCK", "cancelled-1")).isEmpty();
    }

    @Test
    void anOrderUndoneBeforeItIsSeenIsNeverSentToBeCharged() {
        assertThat(RoutingRules.onUndo(route, "TIMED_OUT", "cancelled-1")).isEmpty();

        assertThat(RoutingRules.onOrderCreated(route, "c1", 500, "EUR", "created-1"))
                .isEmpty();
    }
}
