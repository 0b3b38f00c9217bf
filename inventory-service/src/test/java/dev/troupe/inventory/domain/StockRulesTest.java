package dev.troupe.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockRulesTest {

    @Test
    void aHoldTakesTheQuantityFromTheAvailableStock() {
        StockRules.Applied applied = StockRules.apply(10L, 0, reserve(4));

        assertThat(applied.result().kind()).isEqualTo(StockResult.Kind.HELD);
        assertThat(applied.availableAfter()).isEqualTo(6);
        assertThat(applied.heldAfter()).isEqualTo(4);
    }

    @Test
    void aHoldBeyondTheStockIsAShortageAndTakesNothing() {
        StockRules.Applied applied = StockRules.apply(3L, 0, reserve(4));

        assertThat(applied.result().kind()).isEqualTo(StockResult.Kind.SHORT);
        assertThat(applied.result().available()).isEqualTo(3);
        assertThat(applied.availableAfter()).isEqualTo(3);
    }

    @Test
    void anSkuOutsideTheCatalogIsAShortage() {
        StockRules.Applied applied = StockRules.apply(null, 0, reserve(1));

        assertThat(applied.result().kind()).isEqualTo(StockResult.Kind.SHORT);
        assertThat(applied.result().known()).isFalse();
    }

    @Test
    void aRepeatedHoldForTheSameOrderTakesNothingMore() {
        StockRules.Applied applied = StockRules.apply(6L, 4, reserve(4));

        assertThat(applied.result().kind()).isEqualTo(StockResult.Kind.HELD);
        assertThat(applied.availableAfter()).isEqualTo(6);
    }

    @Test
    void aReleaseGivesBackWhatWasHeldAndOnlyThat() {
        StockRules.Applied released = StockRules.apply(6L, 4, release(4));
        StockRules.Applied again = StockRules.apply(10L, 0, release(4));

        assertThat(released.availableAfter()).isEqualTo(10);
        assertThat(released.heldAfter()).isZero();
        assertThat(again.availableAfter()).isEqualTo(10);
    }

    private static StockCommand reserve(int quantity) {
        return new StockCommand(StockCommand.Kind.RESERVE, "o-1", "SKU-1", quantity);
    }

    private static StockCommand release(int quantity) {
        return new StockCommand(StockCommand.Kind.RELEASE, "o-1", "SKU-1", quantity);
    }
}
