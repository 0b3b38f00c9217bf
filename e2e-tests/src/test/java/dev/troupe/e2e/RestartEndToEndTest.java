package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.check.InvariantChecker;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.inventory.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A service stopped while orders are in flight and started again loses nothing and repeats nothing. */
@ExtendWith(DevStackExtension.class)
class RestartEndToEndTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final List<String> SKUS = IntStream.rangeClosed(1, 50)
            .mapToObj(i -> String.format("SKU-%03d", i))
            .toList();

    @Test
    void restartingPaymentAndInventoryMidFlightLosesAndRepeatsNothing(DevStack stack, @TempDir Path workDir)
            throws Exception {
        try (Deployment deployment = Deployment.startAll(stack, workDir, Map.of("ORDER_TIMEOUT", "PT120S"));
                OrderFeed feed = new OrderFeed(deployment, 7)) {
            List<String> orders = new ArrayList<>(feed.send(40, 20, SKUS, 0.1));
            deployment.stop(deployment.instances(Service.PAYMENT).get(0));
            orders.addAll(feed.send(40, 20, SKUS, 0.1));
            deployment.stop(deployment.instances(Service.INVENTORY).get(0));
            deployment.start(Service.PAYMENT);
            orders.addAll(feed.send(40, 20, SKUS, 0.1));
            deployment.start(Service.INVENTORY);
            deployment.awaitReady();

            EventLog log = EventLog.awaitClean(
                    deployment,
                    "all orders settle after the restarts",
                    orders,
                    CATALOG,
                    100_000,
                    Duration.ofSeconds(180));

            InvariantChecker.Report report = log.check(orders, CATALOG, 100_000);
            assertThat(report.orders()).isEqualTo(120);
            assertThat(report.outcomes().getOrDefault("COMPLETED", 0)).isPositive();
            System.out.printf(
                    "Restart: 120 orders across a restart of payment and inventory: %s, 0 violations%n",
                    report.outcomes());
        }
    }
}
