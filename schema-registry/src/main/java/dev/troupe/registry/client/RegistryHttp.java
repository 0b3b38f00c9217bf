package dev.troupe.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP side of the client: JSON requests to one of the registry URLs, with a bounded number of retries
 * (exponential backoff with jitter) when the registry cannot be reached or answers 5xx.
 */
final class RegistryHttp {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> urls;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final HttpClient http;

    RegistryHttp(List<URI> urls, Duration requestTimeout, int maxAttempts) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is needed");
        }
        this.urls = List.copyOf(urls);
        this.requestTimeout = requestTimeout;
        this.maxAttempts = maxAttempts;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    String describeUrls() {
        return urls.size() == 1 ? urls.get(0).toString() : urls.toString();
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        Exception last = null;
        long backoffMillis = 100;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            URI url = urls.get((attempt - 1) % urls.size());
            try {
                HttpResponse<byte[]> response =
                        http.send(request(url, method, path, body), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() < 500) {
                    return parse(url, method, path, response);
                }
                last = failure(url, method, path, response);
            } catch (ConnectException | HttpTimeoutException e) {
                last = e;
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(
                        -1,
                        SchemaRegistryException.UNREACHABLE,
                        "Interrupted calling the schema registry at " + url,
                        e);
            }
            if (attempt < maxAttempts) {
                pause(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1));
                backoffMillis = Math.min(backoffMillis * 2, 2_000);
            }
        }
        if (last instanceof SchemaRegistryException answered) {
            throw answered;
        }
        throw new SchemaRegistryException(
                -1,
                SchemaRegistryException.UNREACHABLE,
                "Schema registry at " + describeUrls() + " is unreachable after " + maxAttempts + " attempts (" + method
                        + " /" + path + "): " + describe(last),
                last);
    }

    private HttpRequest request(URI base, String method, String path, Object body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve("/" + path))
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
    }

    private static JsonNode parse(URI url, String method, String path, HttpResponse<byte[]> response)
            throws IOException {
        if (response.statusCode() >= 300) {
            throw failure(url, method, path, response);
        }
        return JSON.readTree(response.body());
    }

    private static SchemaRegistryException failure(URI url, String method, String path, HttpResponse<byte[]> response) {
        int code = response.statusCode();
        String message = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            JsonNode error = JSON.readTree(response.body());
            code = error.path("error_code").asInt(code);
            message = error.path("message").asText(message);
        } catch (IOException | RuntimeException e) {
            // not a Confluent error body; keep the raw text
        }
        return new SchemaRegistryException(
                response.statusCode(),
                code,
                "Schema registry at " + url + " answered " + method + " /" + path + " with " + response.statusCode()
                        + " (error " + code + "): " + message,
                null);
    }

    private static String describe(Exception e) {
        if (e == null) {
            return "no answer";
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return e instanceof ConnectException ? "connection refused" : message;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
