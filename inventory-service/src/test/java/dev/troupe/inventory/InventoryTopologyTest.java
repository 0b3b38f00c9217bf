package dev.troupe.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.Address;
import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderItem;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.events.Topics;
import dev.troupe.runtime.TopologyHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTopologyTest {
    private static final Catalog CATALOG = new Catalog(Map.of("SKU-A", 10L, "SKU-B", 1L));

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void start() {
        harness = TopologyHarness.start(
                "inventory-service",
                registry -> InventoryTopology.build(registry, CATALOG, new SimpleMeterRegistry()),
                stateDir,
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void reservesEveryLineOnceTheOrderIsPaidCausedByThePayment() {
        PaymentCompleted paid = paid("o-1");
        harness.pipe(Topics.PAYMENT_COMPLETED, paid);
        harness.pipe(Topics.ORDER_CREATED, order("o-1", line("SKU-A", 3), line("SKU-B", 1), line("SKU-A", 2)));

        assertThat(harness.read(Topics.INVENTORY_RESERVED)).singleElement().satisfies(reserved -> {
            assertThat(reserved.getItems())
                    .extracting(i -> i.getSku() + "x" + i.getQuantity())
                    .containsExactly("SKU-Ax5", "SKU-Bx1");
            assertThat(reserved.getMeta().getCausationId())
                    .isEqualTo(paid.getMeta().getEventId());
        });
        assertThat(stock("SKU-A")).isEqualTo(5L);
        assertThat(stock("SKU-B")).isZero();
    }

    @Test
    void aShortLineFailsTheOrderAndGivesBackWhatOtherLinesHeld() {
        harness.pipe(Topics.ORDER_CREATED, order("o-2", line("SKU-A", 4), line("SKU-B", 2)));
        harness.pipe(Topics.PAYMENT_COMPLETED, paid("o-2"));

        assertThat(harness.read(Topics.INVENTORY_RESERVED)).isEmpty();
        assertThat(harness.read(Topics.INVENTORY_FAILED)).singleElement().satisfies(failed -> {
            assertThat(failed.getReason()).isEqualTo("OUT_OF_STOCK");
            assertThat(failed.getUnavailable()).singleElement().satisfies(s -> {
                assertThat(s.getSku()).isEqualTo("SKU-B");
                assertThat(s.getRequested()).isEqualTo(2);
                assertThat(s.getAvailable()).isEqualTo(1);
            });
        });
        assertThat(stock("SKU-A")).isEqualTo(10L);
    }

    @Test
    void anUnknownSkuIsAFailedReservationNotAnError() {
        harness.pipe(Topics.ORDER_CREATED, order("o-3", line("SKU-NOPE", 1)));
        harness.pipe(Topics.PAYMENT_COMPLETED, paid("o-3"));

        assertThat(harness.read(Topics.INVENTORY_FAILED))
                .singleElement()
                .satisfies(failed -> assertThat(failed.getReason()).isEqualTo("UNKNOWN_SKU"));
    }

    @Test
    void releasesOnceOnAFailedShipmentAndTheStockComesBack() {
        harness.pipe(Topics.ORDER_CREATED, order("o-4", line("SKU-A", 6)));
        harness.pipe(Topics.PAYMENT_COMPLETED, paid("o-4"));
        ShipmentFailed failed = new ShipmentFailed(meta("o-4"), "UNSUPPORTED_COUNTRY", "x");
        harness.pipe(Topics.SHIPMENT_FAILED, failed);
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-4"), "SHIPPING_FAILED", "x"));

        assertThat(harness.read(Topics.INVENTORY_RESERVED)).hasSize(1);
        assertThat(harness.read(Topics.INVENTORY_RELEASED)).singleElement().satisfies(released -> {
            assertThat(released.getReason()).isEqualTo("SHIPPING_FAILED");
            assertThat(released.getMeta().getCausationId())
                    .isEqualTo(failed.getMeta().getEventId());
        });
        assertThat(stock("SKU-A")).isEqualTo(10L);
    }

    @Test
    void holdsTheStockWhileThePaymentIsOnItsWayAndPublishesOnlyOncePaid() {
        harness.pipe(Topics.ORDER_CREATED, order("o-8", line("SKU-A", 4)));

        assertThat(harness.read(Topics.INVENTORY_RESERVED)).isEmpty();
        assertThat(stock("SKU-A")).isEqualTo(6L);

        harness.pipe(Topics.PAYMENT_COMPLETED, paid("o-8"));
        assertThat(harness.read(Topics.INVENTORY_RESERVED)).hasSize(1);
        assertThat(stock("SKU-A")).isEqualTo(6L);
    }

    @Test
    void anOrderCancelledBeforeItWasPaidIsNeverReservedAndItsStockComesBack() {
        harness.pipe(Topics.ORDER_CREATED, order("o-5", line("SKU-A", 1)));
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-5"), "TIMED_OUT", "x"));
        harness.pipe(Topics.PAYMENT_COMPLETED, paid("o-5"));

        assertThat(harness.read(Topics.INVENTORY_RESERVED)).isEmpty();
        assertThat(harness.read(Topics.INVENTORY_FAILED)).isEmpty();
        assertThat(harness.read(Topics.INVENTORY_RELEASED)).isEmpty();
        assertThat(stock("SKU-A")).isEqualTo(10L);
    }

    @Test
    void stockIsSharedByOrdersAndNeverGoesBelowZero() {
        harness.pipe(Topics.ORDER_CREATED, order("o-6", line("SKU-B", 1)));
        harness.pipe(Topics.PAYMENT_COMPLETED, paid("o-6"));
        harness.pipe(Topics.ORDER_CREATED, order("o-7", line("SKU-B", 1)));
        harness.pipe(Topics.PAYMENT_COMPLETED, paid("o-7"));

        assertThat(harness.read(Topics.INVENTORY_RESERVED))
                .extracting(r -> r.getMeta().getOrderId())
                .containsExactly("o-6");
        assertThat(harness.read(Topics.INVENTORY_FAILED))
                .extracting(r -> r.getMeta().getOrderId())
                .containsExactly("o-7");
        assertThat(stock("SKU-B")).isZero();
    }

    private Long stock(String sku) {
        return harness.<String, Long>store(InventoryStores.STOCK).get(sku);
    }

    private static OrderItem line(String sku, int quantity) {
        return new OrderItem(sku, quantity, 100L);
    }

    private static OrderCreated order(String orderId, OrderItem... items) {
        return OrderCreated.newBuilder()
                .setMeta(new EventMeta(UUID.randomUUID().toString(), orderId, null, Instant.now(), "order-service"))
                .setCustomerId("c")
                .setEmail("c@example.com")
                .setItems(List.of(items))
                .setTotalCents(List.of(items).stream()
                        .mapToLong(i -> i.getQuantity() * i.getUnitPriceCents())
                        .sum())
                .setCurrency("EUR")
                .setShippingAddress(new Address("N", "S", "C", "P", "DE"))
                .build();
    }

    private static PaymentCompleted paid(String orderId) {
        return new PaymentCompleted(meta(orderId), "pay", 100L, "EUR");
    }

    private static EventMeta meta(String orderId) {
        return new EventMeta(
                UUID.randomUUID().toString(), orderId, UUID.randomUUID().toString(), Instant.now(), "test");
    }
}
