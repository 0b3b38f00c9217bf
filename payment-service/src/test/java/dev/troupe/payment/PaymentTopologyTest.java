package dev.troupe.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.Address;
import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryFailed;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderItem;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.events.Topics;
import dev.troupe.payment.gateway.PaymentGateway;
import dev.troupe.payment.gateway.SimulatedPaymentGateway;
import dev.troupe.runtime.TopologyHarness;
import dev.troupe.runtime.external.IdempotentLedger;
import dev.troupe.runtime.external.RetryPolicy;
import dev.troupe.runtime.external.SimulatedFaults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentTopologyTest {
    private static final long CREDIT = 100_000;

    @TempDir
    Path stateDir;

    @TempDir
    Path gatewayDir;

    private final OutageGateway gateway = new OutageGateway();
    private TopologyHarness harness;

    /**
     * The simulated gateway, which can be switched off or made to lose every answer (acting on each call, then
     * timing out); counts every call that reached it.
     */
    private final class OutageGateway implements PaymentGateway {
        volatile boolean down;
        volatile boolean losesAnswers;
        final AtomicInteger calls = new AtomicInteger();

        private PaymentGateway asItIsNow() {
            calls.incrementAndGet();
            return new SimulatedPaymentGateway(
                    new IdempotentLedger(gatewayDir),
                    new SimulatedFaults(
                            "test gateway", down ? 1 : 0, losesAnswers ? 1 : 0, Duration.ZERO, new Random()));
        }

        @Override
        public void charge(String key, String customerId, long amountCents, String currency) {
            asItIsNow().charge(key, customerId, amountCents, currency);
        }

        @Override
        public void refund(String key, String paymentId, long amountCents, String currency) {
            asItIsNow().refund(key, paymentId, amountCents, currency);
        }

        @Override
        public boolean charged(String chargeKey) {
            return asItIsNow().charged(chargeKey);
        }
    }

    @BeforeEach
    void start() {
        RetryPolicy retries = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));
        harness = TopologyHarness.start(
                "payment-service",
                registry -> PaymentTopology.build(
                        registry, new PaymentSettings(CREDIT, gateway, retries), new SimpleMeterRegistry()),
                stateDir,
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void chargesTheOrderTotalCausedByTheOrder() {
        OrderCreated order = order("o-1", "alice", 7_499);
        harness.pipe(Topics.ORDER_CREATED, order);

        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).singleElement().satisfies(paid -> {
            assertThat(paid.getAmountCents()).isEqualTo(7_499L);
            assertThat(paid.getCurrency()).isEqualTo("EUR");
            assertThat(paid.getMeta().getCausationId())
                    .isEqualTo(order.getMeta().getEventId());
            assertThat(paid.getMeta().getSource()).isEqualTo("payment-service");
        });
    }

    @Test
    void declinesAChargeAboveTheCustomersCredit() {
        harness.pipe(Topics.ORDER_CREATED, order("o-2", "bob", CREDIT + 1));

        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).isEmpty();
        assertThat(harness.read(Topics.PAYMENT_FAILED))
                .singleElement()
                .satisfies(failed -> assertThat(failed.getReason()).isEqualTo("INSUFFICIENT_CREDIT"));
    }

    @Test
    void creditIsKeptPerCustomer() {
        harness.pipe(Topics.ORDER_CREATED, order("o-3", "carol", 60_000));
        harness.pipe(Topics.ORDER_CREATED, order("o-4", "carol", 60_000));
        harness.pipe(Topics.ORDER_CREATED, order("o-5", "dave", 60_000));

        assertThat(harness.read(Topics.PAYMENT_COMPLETED))
                .extracting(p -> p.getMeta().getOrderId())
                .containsExactly("o-3", "o-5");
        assertThat(harness.read(Topics.PAYMENT_FAILED))
                .extracting(p -> p.getMeta().getOrderId())
                .containsExactly("o-4");
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("carol"))
                .isEqualTo(40_000L);
    }

    @Test
    void refundsOnceWhenBothTheFailureAndTheCancellationArriveAndTheCreditComesBack() {
        harness.pipe(Topics.ORDER_CREATED, order("o-6", "erin", 60_000));
        InventoryFailed failed = new InventoryFailed(meta("o-6"), "OUT_OF_STOCK", List.of());
        harness.pipe(Topics.INVENTORY_FAILED, failed);
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-6"), "OUT_OF_STOCK", "x"));
        harness.pipe(Topics.INVENTORY_FAILED, failed);

        List<PaymentRefunded> refunds = harness.read(Topics.PAYMENT_REFUNDED);
        assertThat(refunds).singleElement().satisfies(refund -> {
            assertThat(refund.getAmountCents()).isEqualTo(60_000L);
            assertThat(refund.getReason()).isEqualTo("OUT_OF_STOCK");
            assertThat(refund.getMeta().getCausationId())
                    .isEqualTo(failed.getMeta().getEventId());
        });
        harness.pipe(Topics.ORDER_CREATED, order("o-7", "erin", 100_000));
        assertThat(harness.read(Topics.PAYMENT_COMPLETED))
                .extracting(p -> p.getMeta().getOrderId())
                .containsExactly("o-6", "o-7");
    }

    @Test
    void anOrderCancelledBeforeItArrivesIsNeverCharged() {
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-8"), "TIMED_OUT", "late"));
        harness.pipe(Topics.ORDER_CREATED, order("o-8", "frank", 500));

        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).isEmpty();
        assertThat(harness.read(Topics.PAYMENT_REFUNDED)).isEmpty();
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("frank"))
                .isNull();
    }

    @Test
    void aRepeatedOrderIsChargedOnce() {
        OrderCreated order = order("o-9", "gina", 500);
        harness.pipe(Topics.ORDER_CREATED, order);
        harness.pipe(Topics.ORDER_CREATED, order);

        List<PaymentCompleted> charges = harness.read(Topics.PAYMENT_COMPLETED);
        assertThat(charges).hasSize(1);
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("gina"))
                .isEqualTo(CREDIT - 500);
    }

    @Test
    void anInvalidOrderIsNeverChargedAndGoesToTheDeadLetterTopic() {
        OrderCreated invalid = order("o-10", "hank", 500);
        invalid.setTotalCents(1L);

        harness.pipe(Topics.ORDER_CREATED, invalid);

        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).isEmpty();
        assertThat(harness.read("order.created.dlq", org.apache.kafka.common.serialization.Serdes.ByteArray()))
                .hasSize(1);
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("hank"))
                .isNull();
    }

    @Test
    void aGatewayFailingForAWhileIsRetriedAndChargesOnceWhileTheNextOrdersGoOn() {
        gateway.down = true;
        harness.pipe(Topics.ORDER_CREATED, order("o-11", "ian", 1_000));
        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).isEmpty();

        gateway.down = false;
        harness.pipe(Topics.ORDER_CREATED, order("o-12", "ian", 2_000));
        assertThat(harness.read(Topics.PAYMENT_COMPLETED))
                .extracting(p -> p.getMeta().getOrderId())
                .containsExactly("o-12");

        harness.advanceWallClock(Duration.ofSeconds(2));
        assertThat(harness.read(Topics.PAYMENT_COMPLETED))
                .extracting(p -> p.getMeta().getOrderId())
                .containsExactly("o-11");
        assertThat(new IdempotentLedger(gatewayDir).find("o-11-charge")).hasValue("CHARGE ian 1000 EUR\n");
        harness.advanceWallClock(Duration.ofSeconds(10));
        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).isEmpty();
    }

    @Test
    void aGatewayDownPastTheRetryBoundFailsThePaymentAndGivesTheCreditBackOnceItSaysItHoldsNoCharge() {
        gateway.down = true;
        harness.pipe(Topics.ORDER_CREATED, order("o-13", "jane", 90_000));
        outlastTheRetryBound();
        assertThat(harness.read(Topics.PAYMENT_FAILED)).as("not known yet").isEmpty();
        assertThat(gateway.calls.get()).as("charges, then lookups, backing off").isBetween(3, 12);
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("jane"))
                .isEqualTo(CREDIT - 90_000);

        gateway.down = false;
        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.PAYMENT_FAILED))
                .singleElement()
                .satisfies(failed -> assertThat(failed.getReason()).isEqualTo("GATEWAY_UNAVAILABLE"));
        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).isEmpty();
        assertThat(new IdempotentLedger(gatewayDir).find("o-13-charge")).isEmpty();
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("jane"))
                .isEqualTo(CREDIT);
        int callsWhenAnswered = gateway.calls.get();
        harness.advanceWallClock(Duration.ofSeconds(10));
        assertThat(gateway.calls.get()).isEqualTo(callsWhenAnswered);
    }

    @Test
    void aChargeTakenByTheGatewayWhoseAnswersWereLostPastTheRetryBoundCompletesOnceTheGatewayIsAsked() {
        gateway.losesAnswers = true;
        harness.pipe(Topics.ORDER_CREATED, order("o-16", "max", 5_000));
        outlastTheRetryBound();
        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).isEmpty();
        assertThat(harness.read(Topics.PAYMENT_FAILED)).isEmpty();

        gateway.losesAnswers = false;
        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).hasSize(1);
        assertThat(harness.read(Topics.PAYMENT_FAILED)).isEmpty();
        assertThat(new IdempotentLedger(gatewayDir).find("o-16-charge")).hasValue("CHARGE max 5000 EUR\n");
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("max")).isEqualTo(CREDIT - 5_000);
    }

    @Test
    void aRefundIsRetriedUntilTheGatewayTakesItAndOnlyThenPublished() {
        harness.pipe(Topics.ORDER_CREATED, order("o-14", "kim", 3_000));
        gateway.down = true;
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-14"), "TIMED_OUT", "late"));
        for (int second = 0; second < 30; second++) {
            harness.advanceWallClock(Duration.ofSeconds(1));
        }
        assertThat(harness.read(Topics.PAYMENT_REFUNDED)).isEmpty();

        gateway.down = false;
        harness.advanceWallClock(Duration.ofSeconds(3));
        assertThat(harness.read(Topics.PAYMENT_REFUNDED)).hasSize(1);
        assertThat(new IdempotentLedger(gatewayDir).find("o-14-refund")).isPresent();
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("kim")).isEqualTo(CREDIT);
    }

    @Test
    void anOrderCancelledWhileTheGatewayIsRetriedIsRefundedOnceItIsCharged() {
        gateway.down = true;
        harness.pipe(Topics.ORDER_CREATED, order("o-15", "lee", 4_000));
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-15"), "TIMED_OUT", "late"));
        gateway.down = false;
        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.PAYMENT_COMPLETED)).hasSize(1);
        assertThat(harness.read(Topics.PAYMENT_REFUNDED)).hasSize(1);
        assertThat(harness.<String, Long>store(PaymentStores.CREDIT).get("lee")).isEqualTo(CREDIT);
    }

    /** Time for a charge to be retried past the bound of 5 s. */
    private void outlastTheRetryBound() {
        for (int second = 0; second < 8; second++) {
            harness.advanceWallClock(Duration.ofSeconds(1));
        }
    }

    static OrderCreated order(String orderId, String customer, long totalCents) {
        return OrderCreated.newBuilder()
                .setMeta(new EventMeta(UUID.randomUUID().toString(), orderId, null, Instant.now(), "order-service"))
                .setCustomerId(customer)
                .setEmail(customer + "@example.com")
                .setItems(List.of(new OrderItem("SKU-001", 1, totalCents)))
                .setTotalCents(totalCents)
                .setCurrency("EUR")
                .setShippingAddress(new Address("N", "S", "C", "P", "DE"))
                .build();
    }

    static EventMeta meta(String orderId) {
        return new EventMeta(
                UUID.randomUUID().toString(), orderId, UUID.randomUUID().toString(), Instant.now(), "test");
    }
}
