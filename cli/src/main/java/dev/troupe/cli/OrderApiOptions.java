package dev.troupe.cli;

import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the order API is, and how long to wait for orders to end; for commands that place orders. */
final class OrderApiOptions {
    @Option(
            names = "--order-api",
            paramLabel = "URL",
            defaultValue = "${env:ORDER_API_URL:-http://localhost:8080}",
            description = "The order service (default: $ORDER_API_URL or ${DEFAULT-VALUE}).")
    URI orderApi;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT120S",
            description = "How long to wait for orders to end (default ${DEFAULT-VALUE}).")
    Duration timeout;
}
