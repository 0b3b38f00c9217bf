package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.check.InvariantChecker;
import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.inventory.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several hundred orders from a few dozen customers compete for scarce stock and credit, on 3 partitions with
 * two instances each of payment and inventory. Nothing may be oversold or overdrawn, and every invariant of
 * DESIGN §4 must hold.
 */
@ExtendWith(DevStackExtension.class)
class ContentionEndToEndTest {
    private static final int ORDERS = 300;
    private static final int CUSTOMERS = 30;
    private static final long CREDIT = 50_000;
    private static final List<String> SKUS =
            IntStream.rangeClosed(1, 10).mapToObj(i -> "SCARCE-" + i).toList();

    @Test
    void competingOrdersNeverOversellStockOrOverdrawCreditAndEveryInvariantHolds(DevStack stack, @TempDir Path workDir)
            throws Exception {
        Path catalogFile = workDir.resolve("scarce.csv");
        Files.writeString(catalogFile, SKUS.stream().map(sku -> sku + ",60").collect(Collectors.joining("\n")));
        Catalog catalog = Catalog.fromFile(catalogFile);
        Map<String, String> settings = Map.of(
                "INVENTORY_CATALOG",
                catalogFile.toString(),
                "PAYMENT_DEFAULT_CREDIT_CENTS",
                Long.toString(CREDIT),
                "TOPIC_PARTITIONS",
                "3",
                "ORDER_TIMEOUT",
                "PT120S");
        try (Deployment deployment = Deployment.startAll(stack, workDir, settings);
                OrderFeed feed = new OrderFeed(deployment, 42)) {
            deployment.start(Service.PAYMENT);
            deployment.start(Service.INVENTORY);
            deployment.awaitReady();
            long started = System.nanoTime();

            List<String> orders = feed.send(ORDERS, CUSTOMERS, SKUS, 0.05);

            EventLog log = EventLog.awaitClean(
                    deployment, "all " + ORDERS + " orders settle", orders, catalog, CREDIT, Duration.ofSeconds(240));
            double seconds = (System.nanoTime() - started) / 1e9;
            InvariantChecker.Report report = log.check(orders, catalog, CREDIT);
            assertThat(report.orders()).isEqualTo(ORDERS);
            assertThat(report.outcomes())
                    .containsKeys("COMPLETED", "CANCELLED OUT_OF_STOCK", "CANCELLED PAYMENT_DECLINED");
            assertStockAddsUp(deployment, log, orders, catalog);
            assertCreditAddsUp(deployment, log, orders);
            System.out.printf(
                    "Contention: %d orders, %d customers, %d SKUs x 60 units, 2 payment + 2 inventory instances, "
                            + "3 partitions: %s; settled in %.1f s; 0 violations%n",
                    ORDERS, CUSTOMERS, SKUS.size(), report.outcomes(), seconds);
        }
    }

    /** Per SKU: seeded = available + held for orders not released (live or shipped); available never below zero. */
    private static void assertStockAddsUp(Deployment deployment, EventLog log, List<String> orders, Catalog catalog) {
        Map<String, Long> held = new HashMap<>();
        for (String orderId : orders) {
            List<ObservedEvent> events = log.of(orderId);
            if (events.stream().anyMatch(e -> e.topic().equals("inventory.released"))) {
                continue;
            }
            events.stream()
                    .filter(e -> e.topic().equals("inventory.reserved"))
                    .flatMap(e -> ((InventoryReserved) e.event()).getItems().stream())
                    .forEach(item -> held.merge(item.getSku(), (long) item.getQuantity(), Long::sum));
        }
        for (String sku : SKUS) {
            Long available = deployment.stored(Service.INVENTORY, "stock", sku);
            long availableNow = available == null ? catalog.stockOf(sku) : available;
            assertThat(availableNow).as("available " + sku).isNotNegative();
            assertThat(availableNow + held.getOrDefault(sku, 0L))
                    .as("seeded " + sku)
                    .isEqualTo(catalog.stockOf(sku));
        }
    }

    /** Per customer: credit = default - charges + refunds, and never below zero. */
    private static void assertCreditAddsUp(Deployment deployment, EventLog log, List<String> orders) {
        Set<String> wanted = Set.copyOf(orders);
        Map<String, Long> spent = new HashMap<>();
        Map<String, String> customerOf = new HashMap<>();
        for (String orderId : wanted) {
            for (ObservedEvent e : log.of(orderId)) {
                if (e.topic().equals("order.created")) {
                    customerOf.put(orderId, ((dev.troupe.events.OrderCreated) e.event()).getCustomerId());
                }
            }
        }
        for (String orderId : wanted) {
            for (ObservedEvent e : log.of(orderId)) {
                long delta = e.event() instanceof PaymentCompleted c
                        ? c.getAmountCents()
                        : e.event() instanceof PaymentRefunded r ? -r.getAmountCents() : 0;
                spent.merge(customerOf.get(orderId), delta, Long::sum);
            }
        }
        spent.forEach((customer, amount) -> {
            Long credit = deployment.stored(Service.PAYMENT, "credit", customer);
            long creditNow = credit == null ? CREDIT : credit;
            assertThat(creditNow).as("credit of " + customer).isNotNegative().isEqualTo(CREDIT - amount);
        });
    }
}
