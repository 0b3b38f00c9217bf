package dev.troupe.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.Address;
import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderItem;
import dev.troupe.events.Topics;
import dev.troupe.runtime.Env;
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

class ShippingTopologyTest {
    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void start() {
        ShippingSettings settings = ShippingSettings.fromEnv(new Env(Map.of()));
        harness = TopologyHarness.start(
                "shipping-service",
                registry -> ShippingTopology.build(registry, settings.countries(), new SimpleMeterRegistry()),
                stateDir,
                Instant.now());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void shipsAReservedOrderCausedByTheReservationWhicheverArrivesFirst() {
        InventoryReserved reserved = reserved("o-1");
        harness.pipe(Topics.INVENTORY_RESERVED, reserved);
        harness.pipe(Topics.ORDER_CREATED, order("o-1", "GB"));

        assertThat(harness.read(Topics.SHIPMENT_CREATED)).singleElement().satisfies(shipment -> {
            assertThat(shipment.getCarrier()).isEqualTo("ROYAL_MAIL");
            assertThat(shipment.getTrackingNumber()).startsWith("RO").hasSize(12);
            assertThat(shipment.getMeta().getCausationId())
                    .isEqualTo(reserved.getMeta().getEventId());
        });
    }

    @Test
    void failsForACountryItDoesNotServe() {
        harness.pipe(Topics.ORDER_CREATED, order("o-2", "AQ"));
        harness.pipe(Topics.INVENTORY_RESERVED, reserved("o-2"));

        assertThat(harness.read(Topics.SHIPMENT_CREATED)).isEmpty();
        assertThat(harness.read(Topics.SHIPMENT_FAILED)).singleElement().satisfies(failed -> {
            assertThat(failed.getReason()).isEqualTo("UNSUPPORTED_COUNTRY");
            assertThat(failed.getMessage()).contains("AQ");
        });
    }

    @Test
    void cancelsItsShipmentOnceWhenTheOrderIsCancelled() {
        harness.pipe(Topics.ORDER_CREATED, order("o-3", "DE"));
        harness.pipe(Topics.INVENTORY_RESERVED, reserved("o-3"));
        OrderCancelled cancelled = new OrderCancelled(meta("o-3"), "TIMED_OUT", "late");
        harness.pipe(Topics.ORDER_CANCELLED, cancelled);
        harness.pipe(Topics.ORDER_CANCELLED, cancelled);

        String shipmentId = harness.read(Topics.SHIPMENT_CREATED).get(0).getShipmentId();
        assertThat(harness.read(Topics.SHIPMENT_CANCELLED)).singleElement().satisfies(c -> {
            assertThat(c.getShipmentId()).isEqualTo(shipmentId);
            assertThat(c.getReason()).isEqualTo("TIMED_OUT");
        });
    }

    @Test
    void neverShipsAnOrderAlreadySeenCancelled() {
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-4"), "TIMED_OUT", "late"));
        harness.pipe(Topics.ORDER_CREATED, order("o-4", "DE"));
        harness.pipe(Topics.INVENTORY_RESERVED, reserved("o-4"));

        assertThat(harness.read(Topics.SHIPMENT_CREATED)).isEmpty();
        assertThat(harness.read(Topics.SHIPMENT_CANCELLED)).isEmpty();
    }

    private static InventoryReserved reserved(String orderId) {
        return new InventoryReserved(meta(orderId), "res", List.of());
    }

    private static OrderCreated order(String orderId, String country) {
        return OrderCreated.newBuilder()
                .setMeta(new EventMeta(UUID.randomUUID().toString(), orderId, null, Instant.now(), "order-service"))
                .setCustomerId("c")
                .setEmail("c@example.com")
                .setItems(List.of(new OrderItem("SKU-001", 1, 100L)))
                .setTotalCents(100L)
                .setCurrency("EUR")
                .setShippingAddress(new Address("N", "S", "C", "P", country))
                .build();
    }

    private static EventMeta meta(String orderId) {
        return new EventMeta(
                UUID.randomUUID().toString(), orderId, UUID.randomUUID().toString(), Instant.now(), "test");
    }
}
