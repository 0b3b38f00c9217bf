package dev.troupe.order.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.troupe.events.DerivedIds;
import dev.troupe.order.OrderRequest;
import dev.troupe.runtime.OpsHttpServer;
import dev.troupe.runtime.TraceContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The order API: {@code POST /orders} (honouring {@code Idempotency-Key}) and {@code GET /orders/{id}}. Bad
 * input gets a JSON error naming each bad field; nothing is published for it.
 */
public final class OrderApi implements HttpHandler {
    static final String FORWARDED_HEADER = "X-Troupe-Forwarded";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrderQueries queries;
    private final BiConsumer<OrderRequest, TraceContext> publish;

    /** {@code publish} sends an accepted request on, in its trace, and returns once it is durable, or throws. */
    public OrderApi(OrderQueries queries, BiConsumer<OrderRequest, TraceContext> publish) {
        this.queries = queries;
        this.publish = publish;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        String method = exchange.getRequestMethod();
        if (path.equals("/orders") && method.equals("POST")) {
            create(exchange);
        } else if (path.matches("/orders/[^/]+") && method.equals("GET")) {
            find(exchange, path.substring("/orders/".length()));
        } else if (path.equals("/orders") || path.matches("/orders/[^/]+")) {
            error(exchange, 405, "method " + method + " is not allowed on " + path, Map.of());
        } else {
            error(exchange, 404, "no such resource: " + path, Map.of());
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            error(exchange, 415, "the body must be application/json", Map.of());
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            error(exchange, 413, "the body is larger than " + MAX_BODY_BYTES + " bytes", Map.of());
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            error(exchange, 400, "the body is not valid JSON: " + e.getOriginalMessage(), Map.of());
            return;
        }
        String customerId = json != null && json.path("customerId").isTextual()
                ? json.get("customerId").asText()
                : "";
        String orderId = orderId(exchange.getRequestHeaders().getFirst("Idempotency-Key"), customerId);
        OrderRequestParser.Parsed parsed = OrderRequestParser.parse(json, orderId, System.currentTimeMillis());
        if (!parsed.valid()) {
            error(exchange, 400, "invalid order", parsed.errors());
            return;
        }
        try {
            // The caller's trace continues through every hop; a caller without one starts a new trace here.
            TraceContext trace = TraceContext.parse(exchange.getRequestHeaders().getFirst(TraceContext.TRACEPARENT))
                    .orElseGet(TraceContext::random);
            publish.accept(parsed.request(), trace);
        } catch (RuntimeException e) {
            error(exchange, 503, "the order could not be recorded, try again: " + e.getMessage(), Map.of());
            return;
        }
        exchange.getResponseHeaders().set("Location", "/orders/" + orderId);
        OpsHttpServer.respond(exchange, 202, "application/json", JSON.writeValueAsString(Map.of("orderId", orderId)));
    }

    private void find(HttpExchange exchange, String orderId) throws IOException {
        boolean forwarded = exchange.getRequestHeaders().containsKey(FORWARDED_HEADER);
        OrderQueries.Answer answer = queries.find(orderId, !forwarded);
        if (answer instanceof OrderQueries.Answer.Local local) {
            OpsHttpServer.respond(
                    exchange, 200, "application/json", JSON.writeValueAsString(OrderView.of(local.order())));
        } else if (answer instanceof OrderQueries.Answer.Remote remote) {
            OpsHttpServer.respond(exchange, 200, "application/json", remote.json());
        } else if (answer instanceof OrderQueries.Answer.Unavailable unavailable) {
            error(exchange, 503, unavailable.why(), Map.of());
        } else {
            error(exchange, 404, "no order " + orderId, Map.of());
        }
    }

    /** The same key from the same customer always names the same order; without a key, a new one. */
    static String orderId(String idempotencyKey, String customerId) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return DerivedIds.of(customerId, idempotencyKey.trim()).toString();
    }

    private static void error(HttpExchange exchange, int status, String message, Map<String, String> fields)
            throws IOException {
        Map<String, Object> body =
                fields.isEmpty() ? Map.of("error", message) : Map.of("error", message, "fields", fields);
        OpsHttpServer.respond(exchange, status, "application/json", JSON.writeValueAsString(body));
    }
}
