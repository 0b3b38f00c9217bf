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
import dev.troupe.runtime.external.IdempotentLedger;
import dev.troupe.runtime.external.RetryPolicy;
import dev.troupe.runtime.external.SimulatedFaults;
import dev.troupe.shipping.carrier.Carrier;
import dev.troupe.shipping.carrier.SimulatedCarrier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippingTopologyTest {
    @TempDir
    Path stateDir;

    @TempDir
    Path carrierDir;

    private volatile boolean carrierDown;
    private volatile boolean carrierLosesAnswers;
    private TopologyHarness harness;

    /**
     * The simulated carrier, which can be switched off or made to lose every answer (acting on each call, then
     * timing out).
     */
    private final class OutageCarrier implements Carrier {
        private Carrier asItIsNow() {
            return new SimulatedCarrier(
                    new IdempotentLedger(carrierDir),
                    new SimulatedFaults(
                            "test carrier",
                            carrierDown ? 1 : 0,
                            carrierLosesAnswers ? 1 : 0,
                            Duration.ZERO,
                            new Random()));
        }

        @Override
        public void book(String key, String carrier, String trackingNumber, String country) {
            asItIsNow().book(key, carrier, trackingNumber, country);
        }

        @Override
        public void cancel(String key, String carrier, String trackingNumber) {
            asItIsNow().cancel(key, carrier, trackingNumber);
        }

        @Override
        public boolean booked(String bookingKey) {
            return asItIsNow().booked(bookingKey);
        }
    }

    @BeforeEach
    void start() {
        ShippingSettings settings = new ShippingSettings(
                ShippingSettings.fromEnv(new Env(Map.of())).countries(),
                new OutageCarrier(),
                new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)));
        harness = TopologyHarness.start(
                "shipping-service",
                registry -> ShippingTopology.build(registry, settings, new SimpleMeterRegistry()),
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

    @Test
    void aBookingThatFailsForAWhileIsRetriedAndBookedOnceWhileTheNextOrdersShip() {
        carrierDown = true;
        harness.pipe(Topics.ORDER_CREATED, order("o-5", "DE"));
        harness.pipe(Topics.INVENTORY_RESERVED, reserved("o-5"));
        carrierDown = false;
        harness.pipe(Topics.ORDER_CREATED, order("o-6", "DE"));
        harness.pipe(Topics.INVENTORY_RESERVED, reserved("o-6"));
        assertThat(harness.read(Topics.SHIPMENT_CREATED))
                .extracting(c -> c.getMeta().getOrderId())
                .containsExactly("o-6");

        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.SHIPMENT_CREATED))
                .extracting(c -> c.getMeta().getOrderId())
                .containsExactly("o-5");
        assertThat(new IdempotentLedger(carrierDir).find("o-5-book")).isPresent();
    }

    @Test
    void aCarrierDownPastTheRetryBoundFailsTheShipmentOnceItSaysItHoldsNoBooking() {
        carrierDown = true;
        reserveAndOutlastTheRetryBound("o-7");
        assertThat(harness.read(Topics.SHIPMENT_FAILED)).as("not known yet").isEmpty();

        carrierDown = false;
        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.SHIPMENT_CREATED)).isEmpty();
        assertThat(harness.read(Topics.SHIPMENT_FAILED))
                .singleElement()
                .satisfies(failed -> assertThat(failed.getReason()).isEqualTo("CARRIER_UNAVAILABLE"));
        assertThat(new IdempotentLedger(carrierDir).find("o-7-book")).isEmpty();
    }

    @Test
    void aBookingMadeWhoseAnswersWereLostPastTheRetryBoundShipsOnceTheCarrierIsAsked() {
        carrierLosesAnswers = true;
        reserveAndOutlastTheRetryBound("o-9");
        assertThat(harness.read(Topics.SHIPMENT_CREATED)).isEmpty();

        carrierLosesAnswers = false;
        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.SHIPMENT_CREATED)).hasSize(1);
        assertThat(harness.read(Topics.SHIPMENT_FAILED)).isEmpty();
        assertThat(new IdempotentLedger(carrierDir).find("o-9-book")).isPresent();
    }

    @Test
    void aBookingGivenUpOnAndFoundAfterTheOrderWasCancelledIsCancelledWithTheCarrier() {
        carrierLosesAnswers = true;
        reserveAndOutlastTheRetryBound("o-10");
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-10"), "TIMED_OUT", "late"));

        carrierLosesAnswers = false;
        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.SHIPMENT_CREATED)).hasSize(1);
        assertThat(harness.read(Topics.SHIPMENT_CANCELLED))
                .singleElement()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("TIMED_OUT"));
        assertThat(new IdempotentLedger(carrierDir).find("o-10-cancel")).isPresent();
    }

    @Test
    void anOrderCancelledWhileItsBookingIsRetriedIsCancelledWithTheCarrierOnceBooked() {
        carrierDown = true;
        harness.pipe(Topics.ORDER_CREATED, order("o-8", "DE"));
        harness.pipe(Topics.INVENTORY_RESERVED, reserved("o-8"));
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-8"), "TIMED_OUT", "late"));
        carrierDown = false;
        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.SHIPMENT_CREATED)).hasSize(1);
        assertThat(harness.read(Topics.SHIPMENT_CANCELLED)).hasSize(1);
        assertThat(new IdempotentLedger(carrierDir).find("o-8-cancel")).isPresent();
    }

    /** An order ready to ship, then time for its booking to be retried past the bound of 5 s. */
    private void reserveAndOutlastTheRetryBound(String orderId) {
        harness.pipe(Topics.ORDER_CREATED, order(orderId, "DE"));
        harness.pipe(Topics.INVENTORY_RESERVED, reserved(orderId));
        for (int second = 0; second < 8; second++) {
            harness.advanceWallClock(Duration.ofSeconds(1));
        }
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
