package dev.troupe.devstack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Waits until a broker answers cluster metadata, failing early if the broker's process has died. */
final class BrokerReadiness {
    private BrokerReadiness() {}

    static void await(String bootstrapServers, Duration timeout, BooleanSupplier stillStarting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (System.nanoTime() < deadline) {
                if (!stillStarting.getAsBoolean()) {
                    throw new IllegalStateException(
                            "The Kafka broker for " + bootstrapServers + " stopped while starting");
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted waiting for Kafka at " + bootstrapServers, e);
                } catch (Exception e) {
                    last = e;
                }
            }
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers + " was not ready within " + timeout, last);
    }
}
