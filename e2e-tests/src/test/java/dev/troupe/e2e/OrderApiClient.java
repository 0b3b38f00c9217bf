package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;

/** The order API as a customer's client uses it. */
final class OrderApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final HttpClient http = HttpClient.newHttpClient();

    OrderApiClient(URI api) {
        this.api = api;
    }

    /** An order body: lines as {@code sku, quantity, unitPriceCents} triples. */
    static ObjectNode order(String customer, String country, Object... lines) {
        ObjectNode order = JSON.createObjectNode()
                .put("customerId", customer)
                .put("email", customer + "@example.com")
                .put("currency", "EUR");
        ArrayNode items = order.putArray("items");
        for (int i = 0; i < lines.length; i += 3) {
            items.addObject()
                    .put("sku", (String) lines[i])
                    .put("quantity", (Integer) lines[i + 1])
                    .put("unitPriceCents", ((Number) lines[i + 2]).longValue());
        }
        order.putObject("shippingAddress")
                .put("name", "Ada Lovelace")
                .put("street", "Hauptstraße 1")
                .put("city", "Berlin")
                .put("postalCode", "10115")
                .put("country", country);
        return order;
    }

    HttpResponse<String> post(String body, String contentType, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve("/orders"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /** Places the order and returns its id. */
    String place(ObjectNode order) {
        HttpResponse<String> response = post(order.toString(), "application/json", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return read(response.body()).get("orderId").asText();
    }

    HttpResponse<String> get(String orderId) {
        return send(HttpRequest.newBuilder(api.resolve("/orders/" + orderId)).build());
    }

    /** The order once it has ended. */
    JsonNode awaitEnd(String orderId, Duration within) {
        return Awaitility.await("order " + orderId + " ends")
                .atMost(within)
                .until(
                        () -> {
                            HttpResponse<String> response = get(orderId);
                            return response.statusCode() == 200 ? read(response.body()) : null;
                        },
                        order -> order != null
                                && (order.get("status").asText().equals("COMPLETED")
                                        || order.get("status").asText().equals("CANCELLED")));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
