package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.check.InvariantChecker;
import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.PaymentFailed;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.inventory.Catalog;
import dev.troupe.runtime.external.AppendOnlyBook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment gateway, the carrier and the mail server each fail half their calls and are slow. Calls are
 * retried; a step whose outside system stays down past the retry bound fails as a business outcome and is
 * compensated; nothing outside Kafka is done twice, and every invariant holds.
 */
@ExtendWith(DevStackExtension.class)
class TransientFaultsEndToEndTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final List<String> SKUS = IntStream.rangeClosed(1, 50)
            .mapToObj(i -> String.format("SKU-%03d", i))
            .toList();
    private static final int ORDERS = 150;

    @Test
    void flakyOutsideSystemsAreRetriedGivenUpOnAsBusinessFailuresAndNeverCalledTwiceForOneThing(
            DevStack stack, @TempDir Path workDir) throws Exception {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("PAYMENT_GATEWAY_FAULT_RATE", "0.5"),
                Map.entry("PAYMENT_GATEWAY_LATENCY", "PT0.005S"),
                Map.entry("CARRIER_FAULT_RATE", "0.5"),
                Map.entry("CARRIER_LATENCY", "PT0.005S"),
                Map.entry("MAIL_FAULT_RATE", "0.5"),
                Map.entry("RETRY_INITIAL_BACKOFF", "PT0.05S"),
                Map.entry("RETRY_MAX_BACKOFF", "PT0.2S"),
                // Short, so that some steps stay failed past it: about one in sixteen gives up.
                Map.entry("RETRY_GIVE_UP_AFTER", "PT0.3S"),
                Map.entry("ORDER_TIMEOUT", "PT120S"));
        try (Deployment deployment = Deployment.startAll(stack, workDir, settings);
                OrderFeed feed = new OrderFeed(deployment, 11)) {
            List<String> orders = feed.send(ORDERS, 60, SKUS, 0.0);

            EventLog log = EventLog.awaitClean(
                    deployment,
                    "all orders settle despite the faults",
                    orders,
                    CATALOG,
                    100_000,
                    Duration.ofSeconds(180));

            InvariantChecker.Report report = log.check(orders, CATALOG, 100_000);
            assertThat(report.orders()).isEqualTo(ORDERS);
            assertThat(report.outcomes().getOrDefault("COMPLETED", 0)).isGreaterThan(ORDERS / 2);
            assertThat(events(log, orders, "payment.failed"))
                    .as("payments failed because the gateway stayed down")
                    .isNotEmpty()
                    .allSatisfy(e ->
                            assertThat(((PaymentFailed) e.event()).getReason()).isEqualTo("GATEWAY_UNAVAILABLE"));
            assertThat(events(log, orders, "shipment.failed"))
                    .as("shipments failed because the carrier stayed down")
                    .isNotEmpty()
                    .allSatisfy(e ->
                            assertThat(((ShipmentFailed) e.event()).getReason()).isEqualTo("CARRIER_UNAVAILABLE"));
            assertThat(report.outcomes()).containsKeys("CANCELLED PAYMENT_DECLINED", "CANCELLED SHIPPING_FAILED");

            // Exactly one entry at the outside system per fact published about it: no call made twice.
            assertThat(entries(deployment.paymentGateway(), "-charge"))
                    .isEqualTo(events(log, orders, "payment.completed").size());
            assertThat(entries(deployment.paymentGateway(), "-refund"))
                    .isEqualTo(events(log, orders, "payment.refunded").size());
            assertThat(entries(deployment.carrier(), "-book"))
                    .isEqualTo(events(log, orders, "shipment.created").size());
            assertThat(entries(deployment.carrier(), "-cancel"))
                    .isEqualTo(events(log, orders, "shipment.cancelled").size());
            assertThat(entries(deployment.outbox(), ""))
                    .isEqualTo(events(log, orders, "notification.sent").size())
                    .isEqualTo(ORDERS);
            assertThat(deployment
                            .get(deployment.instances(Service.PAYMENT).get(0), "/metrics")
                            .body())
                    .containsPattern(
                            "troupe_external_calls_total\\{outcome=\"failed\",[^}]*system=\"payment-gateway\"} [1-9]");
            System.out.printf(
                    "Transient faults (half of all gateway, carrier and mail calls fail; give up after 0.3 s): "
                            + "%d orders: %s, 0 violations%n",
                    ORDERS, report.outcomes());
        }
    }

    private static List<ObservedEvent> events(EventLog log, List<String> orders, String topic) {
        return orders.stream()
                .flatMap(id -> log.of(id).stream())
                .filter(e -> e.topic().equals(topic))
                .toList();
    }

    /** Records on the books whose key ends so, repeats included: a call made twice shows as two. */
    private static long entries(Path directory, String keySuffix) {
        return AppendOnlyBook.records(directory).stream()
                .filter(record -> record.getKey().endsWith(keySuffix))
                .count();
    }
}
