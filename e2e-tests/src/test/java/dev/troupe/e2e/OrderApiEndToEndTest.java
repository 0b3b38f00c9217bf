package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The order API as a client meets it, with two order-service instances sharing the work. */
@ExtendWith(DevStackExtension.class)
class OrderApiEndToEndTest {
    @TempDir
    static Path workDir;

    private static Deployment deployment;
    private static OrderApiClient first;
    private static OrderApiClient second;

    @BeforeAll
    static void start(DevStack stack) {
        deployment = Deployment.startAll(stack, workDir, Map.of());
        deployment.start(Service.ORDER);
        deployment.awaitReady();
        first = new OrderApiClient(
                Deployment.orderApi(deployment.instances(Service.ORDER).get(0)));
        second = new OrderApiClient(
                Deployment.orderApi(deployment.instances(Service.ORDER).get(1)));
    }

    @AfterAll
    static void stop() {
        deployment.close();
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameOrderAndPublishesItOnce() {
        String body = OrderApiClient.order("retrying-customer", "DE", "SKU-011", 1, 500)
                .toString();

        HttpResponse<String> one = first.post(body, "application/json", "checkout-42");
        HttpResponse<String> two = second.post(body, "application/json", "checkout-42");

        assertThat(one.statusCode()).isEqualTo(202);
        assertThat(two.statusCode()).isEqualTo(202);
        String orderId = OrderApiClient.read(one.body()).get("orderId").asText();
        assertThat(OrderApiClient.read(two.body()).get("orderId").asText()).isEqualTo(orderId);
        first.awaitEnd(orderId, Duration.ofSeconds(60));
        assertThat(EventLog.read(deployment).topicsOf(orderId).stream().filter("order.created"::equals))
                .hasSize(1);
    }

    @Test
    void anyInstanceAnswersForAnyOrder() {
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            orders.add(first.place(OrderApiClient.order("curious-customer-" + i, "FR", "SKU-012", 1, 100)));
        }

        for (String orderId : orders) {
            JsonNode fromFirst = first.awaitEnd(orderId, Duration.ofSeconds(60));
            JsonNode fromSecond = second.awaitEnd(orderId, Duration.ofSeconds(60));
            assertThat(fromSecond.get("status")).isEqualTo(fromFirst.get("status"));
            assertThat(fromSecond.get("timeline").size()).isPositive();
        }
    }

    @Test
    void badInputIsRefusedWithAReasonAndPublishesNothing() {
        HttpResponse<String> invalid = first.post(
                "{\"customerId\":\"c\",\"email\":\"nope\",\"currency\":\"XXY\",\"items\":[{\"sku\":\"SKU-001\",\"quantity\":0,\"unitPriceCents\":-5}],"
                        + "\"shippingAddress\":{\"name\":\"n\",\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"Mars\"}}",
                "application/json",
                null);
        HttpResponse<String> notJson = first.post("customer=c", "application/x-www-form-urlencoded", null);
        HttpResponse<String> malformed = first.post("{\"customerId\":", "application/json", null);
        HttpResponse<String> huge = first.post("{\"pad\":\"" + "x".repeat(70_000) + "\"}", "application/json", null);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(OrderApiClient.read(invalid.body()).get("fields").fieldNames())
                .toIterable()
                .contains(
                        "email", "currency", "items[0].quantity", "items[0].unitPriceCents", "shippingAddress.country");
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(first.get("no-such-order").statusCode()).isEqualTo(404);
    }
}
