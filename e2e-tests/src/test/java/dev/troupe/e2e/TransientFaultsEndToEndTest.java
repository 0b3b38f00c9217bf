package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.check.InvariantChecker;
import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.cli.check.OutsideSystemsCheck;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.PaymentFailed;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.inventory.Catalog;
import dev.troupe.runtime.external.AppendOnlyBook;
import dev.troupe.runtime.external.IdempotentLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment gateway, the carrier and the mail server each fail half their calls, lose the answer of a tenth of
 * the rest after carrying them out, and are slow. Calls are retried under the same idempotency key; a step whose
 * outside system stays down past the retry bound is looked up — it may have been done with its answer lost — and
 * fails as a business outcome only if it was not, and is compensated. The outside systems' books hold exactly
 * what the events say, and every invariant holds.
 */
@ExtendWith(DevStackExtension.class)
class TransientFaultsEndToEndTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final List<String> SKUS = IntStream.rangeClosed(1, 50)
            .mapToObj(i -> String.format("SKU-%03d", i))
            .toList();
    private static final int ORDERS = 150;

    @Test
    void flakyOutsideSystemsAreRetriedLookedUpWhenGivenUpOnAndHoldExactlyWhatTheEventsSay(
            DevStack stack, @TempDir Path workDir) throws Exception {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("PAYMENT_GATEWAY_FAULT_RATE", "0.5"),
                Map.entry("PAYMENT_GATEWAY_LATENCY", "PT0.005S"),
                Map.entry("CARRIER_FAULT_RATE", "0.5"),
                Map.entry("CARRIER_LATENCY", "PT0.005S"),
                Map.entry("MAIL_FAULT_RATE", "0.5"),
                Map.entry("PAYMENT_GATEWAY_LOST_ANSWER_RATE", "0.1"),
                Map.entry("CARRIER_LOST_ANSWER_RATE", "0.1"),
                Map.entry("MAIL_LOST_ANSWER_RATE", "0.1"),
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

            assertThat(OutsideSystemsCheck.check(
                            log.events(),
                            orders,
                            new OutsideSystemsCheck.Books(
                                    deployment.paymentGateway(), deployment.carrier(), deployment.outbox())))
                    .as("each charge, refund, booking, cancellation and e-mail on the books exactly when published")
                    .isEmpty();
            assertThat(AppendOnlyBook.read(deployment.outbox()))
                    .as("one e-mail per order")
                    .hasSize(ORDERS);
            assertThat(records(deployment.carrier()) + records(deployment.paymentGateway()))
                    .as("calls carried out, their answers lost, and repeated under the same key")
                    .isGreaterThan(
                            IdempotentLedger.entries(deployment.carrier()).size()
                                    + IdempotentLedger.entries(deployment.paymentGateway())
                                            .size());
            assertThat(deployment
                            .get(deployment.instances(Service.PAYMENT).get(0), "/metrics")
                            .body())
                    .containsPattern(
                            "troupe_external_calls_total\\{outcome=\"failed\",[^}]*system=\"payment-gateway\"} [1-9]");
            System.out.printf(
                    "Transient faults (half of all gateway, carrier and mail calls fail, a tenth of the rest lose their"
                            + " answer; give up after 0.3 s): "
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

    /** Every record written to the books, repeats included. */
    private static int records(Path directory) {
        return AppendOnlyBook.records(directory).size();
    }
}
