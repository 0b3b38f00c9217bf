package dev.troupe.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.NotificationSent;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentFailed;
import dev.troupe.events.SampleEvents;
import dev.troupe.events.ShipmentCreated;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.events.Topics;
import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.OrderStatus;
import dev.troupe.runtime.DeadLetters;
import dev.troupe.runtime.JsonSerde;
import dev.troupe.runtime.TopologyHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderTopologyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyHarness harness;

    @BeforeEach
    void start() {
        harness = TopologyHarness.start(
                "order-service", registry -> OrderTopology.build(registry, TIMEOUT, meters), stateDir, START);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aRequestSentTwiceBecomesOneOrderCreated() {
        OrderRequest request = request("order-1");
        JsonSerde<OrderRequest> serde = new JsonSerde<>(OrderRequest.class);

        harness.pipe(OrderTopology.REQUESTS, "order-1", request, serde);
        harness.pipe(OrderTopology.REQUESTS, "order-1", request, serde);

        List<OrderCreated> created = harness.read(Topics.ORDER_CREATED);
        assertThat(created).singleElement().satisfies(event -> {
            assertThat(event.getMeta().getOrderId()).isEqualTo("order-1");
            assertThat(event.getMeta().getCausationId()).isNull();
            assertThat(event.getTotalCents()).isEqualTo(2_500L);
            assertThat(event.getShippingAddress().getCountry()).isEqualTo("DE");
        });
    }

    @Test
    void completesTheOrderWhenItShipsCausedByTheShipment() {
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("order-2"));
        harness.pipe(Topics.PAYMENT_COMPLETED, new PaymentCompleted(meta("order-2"), "pay", 7_499L, "EUR"));
        harness.pipe(Topics.INVENTORY_RESERVED, new InventoryReserved(meta("order-2"), "res", List.of()));
        ShipmentCreated shipped = new ShipmentCreated(meta("order-2"), "ship-9", "DHL", "TRACK-9");
        harness.pipe(Topics.SHIPMENT_CREATED, shipped);

        assertThat(harness.read(Topics.ORDER_COMPLETED)).singleElement().satisfies(completed -> {
            assertThat(completed.getMeta().getCausationId())
                    .isEqualTo(shipped.getMeta().getEventId());
            assertThat(completed.getTrackingNumber()).isEqualTo("TRACK-9");
            assertThat(completed.getMeta().getSource()).isEqualTo("order-service");
        });
        assertThat(order("order-2").status).isEqualTo(OrderStatus.COMPLETED);
        assertThat(harness.read(Topics.ORDER_CANCELLED)).isEmpty();
    }

    @Test
    void aFailureArrivingBeforeTheOrderItselfStillCancelsOnce() {
        harness.pipe(
                Topics.SHIPMENT_FAILED,
                new ShipmentFailed(meta("order-3"), "UNSUPPORTED_COUNTRY", "no shipping to AQ"));
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("order-3"));
        harness.pipe(Topics.PAYMENT_FAILED, new PaymentFailed(meta("order-3"), "INSUFFICIENT_CREDIT", "x"));

        List<OrderCancelled> cancelled = harness.read(Topics.ORDER_CANCELLED);
        assertThat(cancelled)
                .singleElement()
                .satisfies(event -> assertThat(event.getReason()).isEqualTo("SHIPPING_FAILED"));
        assertThat(order("order-3").timeline)
                .extracting(entry -> entry.topic())
                .containsExactlyInAnyOrder("shipment.failed", "order.created", "payment.failed", "order.cancelled");
    }

    @Test
    void aRepeatedFailureDoesNotCancelTwice() {
        PaymentFailed failed = new PaymentFailed(meta("order-4"), "INSUFFICIENT_CREDIT", "x");
        harness.pipe(Topics.PAYMENT_FAILED, failed);
        harness.pipe(Topics.PAYMENT_FAILED, failed);

        assertThat(harness.read(Topics.ORDER_CANCELLED)).hasSize(1);
    }

    @Test
    void theGaugesCountOpenOrdersByStatusAndTheStuckOnesUntilTheyEnd() {
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("order-11"));
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("order-12"));
        harness.pipe(Topics.PAYMENT_COMPLETED, new PaymentCompleted(meta("order-12"), "pay", 7_499L, "EUR"));
        harness.advanceWallClock(Duration.ofSeconds(5));

        assertThat(openOrders(OrderStatus.PENDING)).isEqualTo(1);
        assertThat(openOrders(OrderStatus.PAID)).isEqualTo(1);
        assertThat(stuckOrders()).isZero();

        harness.advanceWallClock(TIMEOUT.dividedBy(2).plusSeconds(5));
        assertThat(stuckOrders()).isEqualTo(2);

        harness.pipe(Topics.PAYMENT_FAILED, new PaymentFailed(meta("order-11"), "INSUFFICIENT_CREDIT", "x"));
        harness.advanceWallClock(Duration.ofSeconds(5));

        assertThat(openOrders(OrderStatus.PENDING)).isZero();
        assertThat(openOrders(OrderStatus.PAID)).isEqualTo(1);
        assertThat(stuckOrders()).isEqualTo(1);
    }

    @Test
    void anOrderWithoutOutcomeIsCancelledWhenItsTimeRunsOut() {
        OrderCreated created = SampleEvents.orderCreated("order-5");
        created.getMeta().setOccurredAt(START);
        harness.pipe(Topics.ORDER_CREATED, created);

        harness.advanceWallClock(TIMEOUT.minusSeconds(2));
        assertThat(harness.read(Topics.ORDER_CANCELLED)).isEmpty();
        harness.advanceWallClock(Duration.ofSeconds(3));

        assertThat(harness.read(Topics.ORDER_CANCELLED)).singleElement().satisfies(event -> {
            assertThat(event.getReason()).isEqualTo("TIMED_OUT");
            assertThat(event.getMeta().getCausationId())
                    .isEqualTo(created.getMeta().getEventId());
        });
        harness.advanceWallClock(Duration.ofSeconds(5));
        assertThat(harness.read(Topics.ORDER_CANCELLED)).isEmpty();
    }

    @Test
    void anOrderCreatedAfterEarlierTimeoutChecksStillTimesOutAndOnlyOnce() {
        OrderCreated first = SampleEvents.orderCreated("order-9");
        harness.pipe(Topics.ORDER_CREATED, first);
        harness.advanceWallClock(TIMEOUT.plusSeconds(5));
        assertThat(harness.read(Topics.ORDER_CANCELLED)).hasSize(1);

        OrderCreated second = SampleEvents.orderCreated("order-10");
        harness.pipe(Topics.ORDER_CREATED, second);
        harness.advanceWallClock(TIMEOUT.minusSeconds(2));
        assertThat(harness.read(Topics.ORDER_CANCELLED)).isEmpty();
        harness.advanceWallClock(Duration.ofSeconds(5));

        assertThat(harness.read(Topics.ORDER_CANCELLED))
                .singleElement()
                .satisfies(event -> assertThat(event.getMeta().getOrderId()).isEqualTo("order-10"));
        assertThat(order("order-9").status).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order("order-10").status).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aCompletedOrderNeverTimesOut() {
        OrderCreated created = SampleEvents.orderCreated("order-6");
        created.getMeta().setOccurredAt(START);
        harness.pipe(Topics.ORDER_CREATED, created);
        harness.pipe(Topics.SHIPMENT_CREATED, new ShipmentCreated(meta("order-6"), "s", "DHL", "T"));

        harness.advanceWallClock(TIMEOUT.multipliedBy(2));

        assertThat(harness.read(Topics.ORDER_CANCELLED)).isEmpty();
        assertThat(harness.read(Topics.ORDER_COMPLETED)).hasSize(1);
    }

    @Test
    void anOrderWritesItsDeadlineOnceAndRemovesItOnceHoweverManyEventsItSees() {
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("order-8"));
        harness.pipe(Topics.PAYMENT_COMPLETED, new PaymentCompleted(meta("order-8"), "pay", 7_499L, "EUR"));
        harness.pipe(Topics.INVENTORY_RESERVED, new InventoryReserved(meta("order-8"), "res", List.of()));
        harness.pipe(Topics.SHIPMENT_CREATED, new ShipmentCreated(meta("order-8"), "s", "DHL", "T"));
        harness.pipe(Topics.NOTIFICATION_SENT, new NotificationSent(meta("order-8"), "email", "confirmation", "a@b"));

        // Every write of a store is a changelog record: the deadline index is touched when the order starts and ends.
        assertThat(harness.read("order-service-" + OrderStores.DEADLINES + "-changelog", Serdes.String()))
                .extracting(entry -> entry.value)
                .containsExactly("order-8", null);
        assertThat(order("order-8").status).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void anEventKeyedByAnotherOrderIsDeadLettered() {
        PaymentFailed failed = new PaymentFailed(meta("order-7"), "INSUFFICIENT_CREDIT", "x");
        harness.driver()
                .createInputTopic(
                        Topics.PAYMENT_FAILED.name(),
                        Serdes.String().serializer(),
                        Topics.PAYMENT_FAILED.valueSerde(harness.registry()).serializer())
                .pipeInput("some-other-order", failed);

        assertThat(harness.read(Topics.ORDER_CANCELLED)).isEmpty();
        assertThat(harness.read(DeadLetters.topicFor(Topics.PAYMENT_FAILED.name()), Serdes.ByteArray()))
                .singleElement()
                .satisfies(dead -> assertThat(dead.key).isEqualTo("some-other-order"));
    }

    @Test
    void anInvalidOrderWrittenStraightOntoTheTopicIsCancelledAndItsRecordDeadLettered() {
        OrderCreated invalid = SampleEvents.orderCreated("order-8");
        invalid.getItems().get(0).setQuantity(0);

        harness.pipe(Topics.ORDER_CREATED, invalid);

        assertThat(harness.read(Topics.ORDER_CANCELLED)).singleElement().satisfies(cancelled -> {
            assertThat(cancelled.getReason()).isEqualTo("INVALID_ORDER");
            assertThat(cancelled.getMessage()).contains("items[0].quantity", "totalCents");
            assertThat(cancelled.getMeta().getCausationId())
                    .isEqualTo(invalid.getMeta().getEventId());
        });
        assertThat(harness.read(DeadLetters.topicFor(Topics.ORDER_CREATED.name()), Serdes.ByteArray()))
                .singleElement()
                .satisfies(dead -> assertThat(dead.key).isEqualTo("order-8"));
        assertThat(order("order-8").status).isEqualTo(OrderStatus.CANCELLED);
    }

    private Order order(String orderId) {
        return harness.<String, Order>store(OrderStores.ORDERS).get(orderId);
    }

    private static EventMeta meta(String orderId) {
        return new EventMeta(
                UUID.randomUUID().toString(), orderId, UUID.randomUUID().toString(), START.plusSeconds(1), "test");
    }

    static OrderRequest request(String orderId) {
        return new OrderRequest(
                orderId,
                "customer-1",
                "c1@example.com",
                List.of(new OrderRequest.Line("SKU-001", 2, 1_250L)),
                2_500L,
                "EUR",
                new OrderRequest.ShippingAddress("Ada", "Street 1", "Berlin", "10115", "DE"),
                START.toEpochMilli());
    }

    private double openOrders(OrderStatus status) {
        return meters.get("troupe.open.orders")
                .tag("status", status.name())
                .gauge()
                .value();
    }

    private double stuckOrders() {
        return meters.get("troupe.stuck.orders").gauge().value();
    }
}
