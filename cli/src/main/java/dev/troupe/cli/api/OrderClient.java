package dev.troupe.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A client of the order-service API: place orders and read them back. */
public final class OrderClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One order line. */
    public record Line(String sku, int quantity, long unitPriceCents) {}

    private final URI api;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OrderClient(URI api) {
        this.api = api;
    }

    public static ObjectNode body(String customer, String country, List<Line> lines) {
        ObjectNode order = JSON.createObjectNode()
                .put("customerId", customer)
                .put("email", customer + "@example.com")
                .put("currency", "EUR");
        ArrayNode items = order.putArray("items");
        lines.forEach(line -> items.addObject()
                .put("sku", line.sku())
                .put("quantity", line.quantity())
                .put("unitPriceCents", line.unitPriceCents()));
        order.putObject("shippingAddress")
                .put("name", customer)
                .put("street", "1 Example Street")
                .put("city", "Example City")
                .put("postalCode", "12345")
                .put("country", country);
        return order;
    }

    /** Places the order and returns its id; a refusal becomes an exception with the API's reason. */
    public String place(ObjectNode body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve("/orders"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = send(request.build());
        JsonNode answer = read(response.body());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the order API refused the order (" + response.statusCode() + "): "
                    + answer.path("error").asText(response.body())
                    + (answer.has("fields") ? " " + answer.get("fields") : ""));
        }
        return answer.get("orderId").asText();
    }

    /** The order as the service sees it, or empty while it does not know it (yet). */
    public Optional<JsonNode> find(String orderId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api.resolve("/orders/" + orderId))
                .timeout(Duration.ofSeconds(10))
                .build());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(read(response.body()));
            case 404, 503 -> Optional.empty();
            default ->
                throw new IllegalStateException(
                        "GET /orders/" + orderId + " answered " + response.statusCode() + ": " + response.body());
        };
    }

    public static boolean ended(JsonNode order) {
        String status = order.path("status").asText();
        return status.equals("COMPLETED") || status.equals("CANCELLED");
    }

    /** Ended, told to the customer, and — for a cancelled order — every effect undone. */
    public static boolean settled(JsonNode order) {
        if (!ended(order)) {
            return false;
        }
        boolean mailed = false;
        for (JsonNode step : order.path("timeline")) {
            mailed |= step.path("topic").asText().equals("notification.sent");
        }
        if (order.get("status").asText().equals("COMPLETED")) {
            return mailed;
        }
        JsonNode undone = order.path("compensations");
        return mailed
                && !undone.path("payment").asText().equals("CHARGED")
                && !undone.path("inventory").asText().equals("RESERVED")
                && !undone.path("shipment").asText().equals("CREATED");
    }

    /** Polls the order until it has settled or the time is up, handing every new view to {@code seen}. */
    public JsonNode awaitSettled(String orderId, Duration within, java.util.function.Consumer<JsonNode> seen) {
        JsonNode order = null;
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && (order == null || !settled(order))) {
            order = find(orderId).orElse(order);
            if (order != null) {
                seen.accept(order);
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (order == null) {
            throw new IllegalStateException("order " + orderId + " did not appear within " + within.toSeconds() + " s");
        }
        return order;
    }

    /** "COMPLETED" or "CANCELLED REASON". */
    public static String outcome(JsonNode order) {
        return order.path("status").asText()
                + (order.path("reason").isTextual() ? " " + order.get("reason").asText() : "");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the order API at " + api + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("error", body);
        }
    }
}
