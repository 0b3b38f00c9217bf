package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.inventory.Catalog;
import dev.troupe.notification.mail.FileOutboxMailer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One order down each path of DESIGN §3 that data decides, through the API, with all five services running. */
@ExtendWith(DevStackExtension.class)
class SagaPathsEndToEndTest {
    private static final long CREDIT = 100_000;
    private static final Duration END = Duration.ofSeconds(60);
    private static final Catalog CATALOG = Catalog.bundled();

    @TempDir
    static Path workDir;

    private static Deployment deployment;
    private static OrderApiClient api;

    @BeforeAll
    static void start(DevStack stack) {
        deployment = Deployment.startAll(stack, workDir, Map.of());
        api = new OrderApiClient(deployment.orderApi());
    }

    @AfterAll
    static void stop() {
        deployment.close();
    }

    @Test
    void aPaidInStockShippableOrderCompletesChargedOnceReservedShippedAndConfirmed() throws Exception {
        String orderId =
                api.place(OrderApiClient.order("completing-customer", "DE", "SKU-003", 2, 1_250, "SKU-004", 1, 999));

        JsonNode order = api.awaitEnd(orderId, END);

        assertThat(order.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(order.at("/compensations/payment").asText()).isEqualTo("CHARGED");
        assertThat(order.at("/compensations/inventory").asText()).isEqualTo("RESERVED");
        assertThat(order.at("/compensations/shipment").asText()).isEqualTo("CREATED");
        assertThat(order.get("trackingNumber").asText()).startsWith("DH");
        EventLog log = settled(orderId);
        assertThat(log.topicsOf(orderId))
                .containsExactlyInAnyOrder(
                        "order.created",
                        "payment.completed",
                        "inventory.reserved",
                        "shipment.created",
                        "order.completed",
                        "notification.sent");
        assertThat(causalChainOf(log, orderId))
                .containsExactly(
                        "order.created",
                        "payment.completed",
                        "inventory.reserved",
                        "shipment.created",
                        "order.completed");
        assertThat(availableCredit("completing-customer")).isEqualTo(CREDIT - 3_499);
        assertThat(availableStock("SKU-003")).isEqualTo(CATALOG.stockOf("SKU-003") - 2);
        assertThat(FileOutboxMailer.messages(deployment.outbox()).get(orderId + "-order-confirmation"))
                .contains(order.get("trackingNumber").asText());
    }

    @Test
    void aPaymentAboveTheCreditIsDeclinedAndNothingIsChargedOrReserved() throws Exception {
        String orderId = api.place(OrderApiClient.order("declined-customer", "DE", "SKU-006", 1, CREDIT + 1));

        JsonNode order = api.awaitEnd(orderId, END);

        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(order.at("/compensations/payment").asText()).isEqualTo("DECLINED");
        EventLog log = settled(orderId);
        assertThat(log.topicsOf(orderId))
                .containsExactlyInAnyOrder("order.created", "payment.failed", "order.cancelled", "notification.sent");
        assertThat(availableCredit("declined-customer")).isEqualTo(CREDIT);
        assertThat(availableStock("SKU-006")).isEqualTo(CATALOG.stockOf("SKU-006"));
        assertThat(FileOutboxMailer.messages(deployment.outbox()).get(orderId + "-order-cancellation"))
                .contains("payment was declined");
    }

    @Test
    void anOrderBeyondTheStockIsCancelledAndItsPaymentRefunded() throws Exception {
        String orderId =
                api.place(OrderApiClient.order("stockout-customer", "DE", "SKU-007", 1, 500, "SKU-050", 10_000, 1));

        JsonNode order = api.awaitEnd(orderId, END);

        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("OUT_OF_STOCK");
        EventLog log = settled(orderId);
        assertThat(log.topicsOf(orderId))
                .containsExactlyInAnyOrder(
                        "order.created",
                        "payment.completed",
                        "inventory.failed",
                        "order.cancelled",
                        "payment.refunded",
                        "notification.sent");
        PaymentRefunded refund = (PaymentRefunded) log.of(orderId).stream()
                .filter(e -> e.topic().equals("payment.refunded"))
                .findFirst()
                .orElseThrow()
                .event();
        assertThat(refund.getAmountCents()).isEqualTo(10_500L);
        assertThat(availableCredit("stockout-customer")).isEqualTo(CREDIT);
        assertThat(availableStock("SKU-007")).isEqualTo(CATALOG.stockOf("SKU-007"));
        assertThat(availableStock("SKU-050")).isEqualTo(CATALOG.stockOf("SKU-050"));
        assertThat(api.get(orderId).body()).contains("\"payment\":\"REFUNDED\"");
        assertThat(FileOutboxMailer.messages(deployment.outbox()).get(orderId + "-order-cancellation"))
                .contains("out of stock", "105.00 EUR");
    }

    @Test
    void anOrderToACountryNobodyShipsToIsCancelledItsStockReleasedAndItsPaymentRefunded() throws Exception {
        String orderId = api.place(OrderApiClient.order("antarctic-customer", "AQ", "SKU-008", 3, 2_000));

        JsonNode order = api.awaitEnd(orderId, END);

        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("SHIPPING_FAILED");
        EventLog log = settled(orderId);
        assertThat(log.topicsOf(orderId))
                .containsExactlyInAnyOrder(
                        "order.created",
                        "payment.completed",
                        "inventory.reserved",
                        "shipment.failed",
                        "order.cancelled",
                        "inventory.released",
                        "payment.refunded",
                        "notification.sent");
        assertThat(availableCredit("antarctic-customer")).isEqualTo(CREDIT);
        assertThat(availableStock("SKU-008")).isEqualTo(CATALOG.stockOf("SKU-008"));
        JsonNode compensated = OrderApiClient.read(api.get(orderId).body());
        assertThat(compensated.at("/compensations/inventory").asText()).isEqualTo("RELEASED");
        assertThat(compensated.at("/compensations/payment").asText()).isEqualTo("REFUNDED");
        assertThat(compensated.at("/compensations/shipment").asText()).isEqualTo("FAILED");
        assertThat(FileOutboxMailer.messages(deployment.outbox()).get(orderId + "-order-cancellation"))
                .contains("cannot ship", "60.00 EUR");
    }

    /** Waits until the checker finds the order's whole story (compensations and e-mails included) in order. */
    /** The customer's available credit: the default until the customer's first charge. */
    private static long availableCredit(String customer) {
        Long stored = deployment.stored(Service.PAYMENT, "credit", customer);
        return stored == null ? CREDIT : stored;
    }

    /** The SKU's available stock: the catalog's until an order first asks for it. */
    private static long availableStock(String sku) {
        Long stored = deployment.stored(Service.INVENTORY, "stock", sku);
        return stored == null ? CATALOG.stockOf(sku) : stored;
    }

    private static EventLog settled(String orderId) {
        return await("order " + orderId + " settles").atMost(END).until(() -> EventLog.read(deployment), log -> {
            var report = log.check(List.of(orderId), CATALOG, CREDIT);
            return report.clean() && report.orders() == 1;
        });
    }

    /** Topics along the causation chain from the terminal event back to order.created, oldest first. */
    private static List<String> causalChainOf(EventLog log, String orderId) {
        List<ObservedEvent> events = log.of(orderId);
        java.util.LinkedList<String> chain = new java.util.LinkedList<>();
        ObservedEvent current = events.stream()
                .filter(e -> e.topic().equals("order.completed"))
                .findFirst()
                .orElseThrow();
        while (current != null) {
            chain.addFirst(current.topic());
            String cause = current.meta().getCausationId();
            current = cause == null
                    ? null
                    : events.stream()
                            .filter(e -> e.meta().getEventId().equals(cause))
                            .findFirst()
                            .orElse(null);
        }
        return chain;
    }
}
