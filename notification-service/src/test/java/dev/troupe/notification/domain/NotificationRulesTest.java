package dev.troupe.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Notice notice = new Notice("o-1");

    @Test
    void confirmsOnceWhenTheOrderShipsAndTheAddressIsKnown() {
        NotificationRules.onShipmentCreated(notice, "shipped-1", "DHL", "DH1");
        assertThat(NotificationRules.due(notice, 0)).isEmpty();

        NotificationRules.onOrderCreated(notice, "ada@example.com");

        assertThat(NotificationRules.due(notice, 0)).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo(Template.ORDER_CONFIRMATION);
            assertThat(m.body()).contains("DH1");
            assertThat(m.causeEventId()).isEqualTo("shipped-1");
        });
        assertThat(NotificationRules.due(notice, 0)).isEmpty();
    }

    @Test
    void aCancellationWaitsForItsRefundAndNamesIt() {
        NotificationRules.onOrderCreated(notice, "ada@example.com");
        NotificationRules.onCancelled(notice, "OUT_OF_STOCK", "x", "cancelled-1", 1_000, WAIT);
        assertThat(NotificationRules.due(notice, 2_000)).isEmpty();

        NotificationRules.onRefunded(notice, 7_499, "EUR");

        assertThat(NotificationRules.due(notice, 2_000)).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo(Template.ORDER_CANCELLATION);
            assertThat(m.body()).contains("out of stock", "74.99 EUR");
        });
    }

    @Test
    void aCancellationGoesOutWithoutARefundOnceTheWaitIsOver() {
        NotificationRules.onOrderCreated(notice, "ada@example.com");
        NotificationRules.onCancelled(notice, "TIMED_OUT", "x", "cancelled-1", 1_000, WAIT);

        assertThat(NotificationRules.due(notice, 5_999)).isEmpty();
        assertThat(NotificationRules.due(notice, 6_000))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).doesNotContain("refunded"));
    }

    @Test
    void aDeclinedPaymentIsAnnouncedAtOnceAndAShipmentAfterTheCancellationIsNotConfirmed() {
        NotificationRules.onOrderCreated(notice, "ada@example.com");
        NotificationRules.onCancelled(notice, "PAYMENT_DECLINED", "x", "cancelled-1", 1_000, WAIT);
        assertThat(NotificationRules.due(notice, 1_000)).hasSize(1);

        NotificationRules.onShipmentCreated(notice, "shipped-1", "DHL", "DH1");

        assertThat(NotificationRules.due(notice, 10_000)).isEmpty();
    }
}
