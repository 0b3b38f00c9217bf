package dev.troupe.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTextTest {

    @Test
    void moneyIsWrittenInMajorUnitsWithTwoDecimals() {
        assertThat(EventText.money(7_499, "EUR")).isEqualTo("74.99 EUR");
        assertThat(EventText.money(100, "EUR")).isEqualTo("1.00 EUR");
        assertThat(EventText.money(5, "USD")).isEqualTo("0.05 USD");
        assertThat(EventText.money(0, "EUR")).isEqualTo("0.00 EUR");
        assertThat(EventText.money(-250, "EUR")).isEqualTo("-2.50 EUR");
    }
}
