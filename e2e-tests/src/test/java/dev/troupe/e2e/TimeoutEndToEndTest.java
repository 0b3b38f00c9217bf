package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.inventory.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order nobody finishes — the shipping service is down — is cancelled TIMED_OUT; its charge is refunded and
 * its stock released; and when the shipping service comes back, no late shipment stays alive.
 */
@ExtendWith(DevStackExtension.class)
class TimeoutEndToEndTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @Test
    void anOrderWithoutOutcomeTimesOutIsUndoneAndStaysUndoneWhenTheMissingServiceReturns(
            DevStack stack, @TempDir Path workDir) {
        try (Deployment deployment = Deployment.startAll(stack, workDir, Map.of("ORDER_TIMEOUT", "PT6S"))) {
            deployment.stop(deployment.instances(Service.SHIPPING).get(0));
            OrderApiClient api = new OrderApiClient(deployment.orderApi());

            String orderId = api.place(OrderApiClient.order("patient-customer", "DE", "SKU-010", 2, 1_000));
            JsonNode order = api.awaitEnd(orderId, Duration.ofSeconds(60));

            assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(order.get("reason").asText()).isEqualTo("TIMED_OUT");
            deployment.start(Service.SHIPPING);
            deployment.awaitReady();
            EventLog log = await("the timed-out order settles")
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> EventLog.read(deployment),
                            l -> l.check(List.of(orderId), CATALOG, 100_000).clean()
                                    && l.topicsOf(orderId).contains("payment.refunded")
                                    && l.topicsOf(orderId).contains("inventory.released"));
            assertThat(log.topicsOf(orderId))
                    .contains("order.cancelled", "payment.refunded", "inventory.released", "notification.sent");
            long shipped = log.topicsOf(orderId).stream()
                    .filter("shipment.created"::equals)
                    .count();
            long cancelled = log.topicsOf(orderId).stream()
                    .filter("shipment.cancelled"::equals)
                    .count();
            assertThat(shipped).isEqualTo(cancelled);
            assertThat(deployment.<Long>stored(Service.PAYMENT, "credit", "patient-customer"))
                    .isEqualTo(100_000L);
            assertThat(deployment.<Long>stored(Service.INVENTORY, "stock", "SKU-010"))
                    .isEqualTo(CATALOG.stockOf("SKU-010"));
        }
    }
}
