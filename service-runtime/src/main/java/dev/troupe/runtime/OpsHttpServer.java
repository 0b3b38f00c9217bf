package dev.troupe.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A service's HTTP side: {@code /metrics} (Prometheus text), {@code /health} (the process is alive),
 * {@code /ready} (Kafka Streams is running), and whatever routes the service adds (the order API).
 */
public final class OpsHttpServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService workers;

    private OpsHttpServer(HttpServer http, ExecutorService workers) {
        this.http = http;
        this.workers = workers;
    }

    public static OpsHttpServer start(int port, PrometheusMeterRegistry metrics, BooleanSupplier ready) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(port), 64);
            ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "ops-http");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(workers);
            http.createContext(
                    "/metrics",
                    exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
            http.createContext(
                    "/health", exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
            http.createContext("/ready", exchange -> {
                boolean isReady = ready.getAsBoolean();
                respond(exchange, isReady ? 200 : 503, "application/json", "{\"ready\":" + isReady + "}");
            });
            http.start();
            return new OpsHttpServer(http, workers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on HTTP port " + port, e);
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public void route(String path, HttpHandler handler) {
        http.createContext(path, handler);
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }
}
