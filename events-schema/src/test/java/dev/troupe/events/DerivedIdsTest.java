package dev.troupe.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DerivedIdsTest {
    @Test
    void theSameBasisAndPurposeAlwaysGiveTheIdStoredBefore() {
        // The id an earlier version stored for this order and purpose: ids already in changelogs and books must
        // still match after any change to how they are derived.
        assertThat(DerivedIds.of("order-1", "payment.completed")).hasToString("7a6c76a3-c57b-35d3-9923-37e7da0f916b");
    }

    @Test
    void eachPurposeOfTheSameBasisHasItsOwnId() {
        assertThat(DerivedIds.of("order-1", "payment")).isNotEqualTo(DerivedIds.of("order-1", "shipment"));
    }
}
