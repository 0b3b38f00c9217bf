package dev.troupe.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable, Confluent-compatible schema registry over HTTP. It owns its {@link SchemaLog} and closes
 * it on {@link #close()}.
 */
public final class SchemaRegistryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final String REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
    private static final Set<String> ACCEPTED_BODY_TYPES = Set.of(
            REGISTRY_JSON, "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final ExecutorService workers;
    private final SchemaLog log;
    private final List<Route> routes;

    private SchemaRegistryServer(HttpServer http, SchemaLog log) {
        this.http = http;
        this.log = log;
        this.routes = new RegistryRoutes(new SchemaRegistry(log)).all();
        this.workers = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "schema-registry-http");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(workers);
        http.createContext("/", this::serve);
    }

    /** Starts a registry on the given address (port 0 picks a free one), replaying the log first. */
    public static SchemaRegistryServer start(InetSocketAddress address, SchemaLog log) throws IOException {
        SchemaRegistryServer server = new SchemaRegistryServer(HttpServer.create(address, 64), log);
        server.http.start();
        LOG.info("Schema registry listening on {}", server.url());
        return server;
    }

    public URI url() {
        InetSocketAddress address = http.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
        log.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Object body;
            int status = 200;
            try {
                body = dispatch(exchange);
            } catch (RegistryException e) {
                status = e.httpStatus();
                body = error(e.errorCode(), e.getMessage());
                if (status >= 500) {
                    LOG.error(
                            "Registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                }
            } catch (RuntimeException e) {
                LOG.error("Registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = error(50001, "Internal error: " + e.getMessage());
            }
            respond(exchange, status, body);
        }
    }

    private Object dispatch(HttpExchange exchange) throws IOException {
        List<String> segments = segments(exchange.getRequestURI());
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<List<String>> params = route.match(segments);
            if (params.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(exchange.getRequestMethod())) {
                JsonNode body = readBody(exchange);
                return route.handler().handle(new Request(params.get(), query(exchange.getRequestURI()), body));
            }
        }
        throw pathKnown
                ? new RegistryException(405, 405, "HTTP " + exchange.getRequestMethod() + " is not allowed here")
                : new RegistryException(404, 404, "HTTP 404 Not Found");
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("POST") && !method.equals("PUT")) {
            return null;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && !ACCEPTED_BODY_TYPES.contains(contentType.split(";")[0].trim())) {
            throw new RegistryException(415, 415, "Unsupported content type " + contentType);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new RegistryException(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new RegistryException(400, 400, "Malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof RawJson raw
                ? raw.text().getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body);
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean plainJson = accept != null && accept.contains("application/json") && !accept.contains("schemaregistry");
        exchange.getResponseHeaders().set("Content-Type", plainJson ? "application/json" : REGISTRY_JSON);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("error_code", code, "message", message);
    }

    private static List<String> segments(URI uri) {
        return Arrays.stream(uri.getRawPath().split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }
}
