package dev.troupe.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryFailed;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentFailed;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.events.SampleEvents;
import dev.troupe.events.ShipmentCreated;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.events.Shortage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class OrderRulesTest {
    private static final String ORDER = "order-1";
    private final Order order = new Order(ORDER, 1_000);

    @Test
    void aShipmentCompletesTheOrder() {
        apply("order.created", SampleEvents.orderCreated(ORDER));
        apply("payment.completed", new PaymentCompleted(meta(), "pay-1", 7_499L, "EUR"));
        apply("inventory.reserved", new InventoryReserved(meta(), "res-1", List.of()));

        OrderDecision decision = apply("shipment.created", new ShipmentCreated(meta(), "ship-1", "DHL", "T-1"));

        assertThat(decision).isEqualTo(OrderDecision.COMPLETE);
        assertThat(order.status).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.payment).isEqualTo(Compensations.Payment.CHARGED);
        assertThat(order.stock).isEqualTo(Compensations.Stock.RESERVED);
        assertThat(order.trackingNumber).isEqualTo("T-1");
    }

    @Test
    void onlyTheFirstFailureCancels() {
        OrderDecision first =
                apply("payment.failed", new PaymentFailed(meta(), "INSUFFICIENT_CREDIT", "credit exceeded"));
        OrderDecision second = apply(
                "inventory.failed", new InventoryFailed(meta(), "OUT_OF_STOCK", List.of(new Shortage("SKU-1", 1, 0))));

        assertThat(first.kind()).isEqualTo(OrderDecision.Kind.CANCEL);
        assertThat(first.reason()).isEqualTo(CancelReasons.PAYMENT_DECLINED);
        assertThat(second).isEqualTo(OrderDecision.NONE);
        assertThat(order.reason).isEqualTo(CancelReasons.PAYMENT_DECLINED);
    }

    @Test
    void aShipmentArrivingAfterTheCancellationDoesNotCompleteTheOrder() {
        apply("shipment.failed", new ShipmentFailed(meta(), "UNSUPPORTED_COUNTRY", "no"));

        OrderDecision late = apply("shipment.created", new ShipmentCreated(meta(), "ship-1", "DHL", "T-1"));

        assertThat(late).isEqualTo(OrderDecision.NONE);
        assertThat(order.status).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.reason).isEqualTo(CancelReasons.SHIPPING_FAILED);
    }

    @Test
    void aRepeatedEventChangesNothing() {
        PaymentFailed failed = new PaymentFailed(meta(), "INSUFFICIENT_CREDIT", "credit exceeded");
        apply("payment.failed", failed);
        int timelineLength = order.timeline.size();

        assertThat(apply("payment.failed", failed)).isEqualTo(OrderDecision.NONE);
        assertThat(order.timeline).hasSize(timelineLength);
    }

    @Test
    void anOrderTimesOutOnlyAfterItsTimeAndOnlyWhileOpen() {
        Duration timeout = Duration.ofSeconds(60);

        assertThat(OrderRules.checkTimeout(order, 1_000 + 59_999, timeout)).isEqualTo(OrderDecision.NONE);
        OrderDecision decision = OrderRules.checkTimeout(order, 1_000 + 60_000, timeout);
        assertThat(decision.reason()).isEqualTo(CancelReasons.TIMED_OUT);
        assertThat(OrderRules.checkTimeout(order, 1_000 + 120_000, timeout)).isEqualTo(OrderDecision.NONE);
    }

    @Test
    void compensationsAreFollowedAfterTheEnd() {
        apply("payment.completed", new PaymentCompleted(meta(), "pay-1", 100L, "EUR"));
        apply("inventory.failed", new InventoryFailed(meta(), "OUT_OF_STOCK", List.of()));

        apply("payment.refunded", new PaymentRefunded(meta(), "pay-1", 100L, "EUR", "OUT_OF_STOCK"));

        assertThat(order.status).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.payment).isEqualTo(Compensations.Payment.REFUNDED);
        assertThat(order.stock).isEqualTo(Compensations.Stock.UNAVAILABLE);
    }

    @Test
    void theStatusNeverGoesBackwards() {
        apply("inventory.reserved", new InventoryReserved(meta(), "res-1", List.of()));
        apply("payment.completed", new PaymentCompleted(meta(), "pay-1", 100L, "EUR"));

        assertThat(order.status).isEqualTo(OrderStatus.RESERVED);
    }

    private OrderDecision apply(String topic, SpecificRecord event) {
        EventMeta meta = (EventMeta) ((org.apache.avro.generic.GenericRecord) event).get("meta");
        return OrderRules.apply(order, topic, meta, event);
    }

    private static EventMeta meta() {
        return new EventMeta(UUID.randomUUID().toString(), ORDER, "cause", Instant.ofEpochMilli(2_000), "test");
    }
}
