package dev.troupe.cli;

import dev.troupe.registry.client.SchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Kafka and the registry as the CLI's commands reach them. Both are checked up front with short timeouts,
 * so an unreachable broker or registry is a one-line message within seconds, never a hang.
 */
final class KafkaAccess {
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(8);

    private final String bootstrapServers;
    private final String registryUrl;

    KafkaAccess(ConnectionOptions connection) {
        this.bootstrapServers = connection.bootstrapServers;
        this.registryUrl = connection.schemaRegistryUrl;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Fails with a clear message unless a broker answers within {@link #CHECK_TIMEOUT}. */
    KafkaAccess requireKafka() {
        try (Admin admin = admin()) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis()))
                    .nodes()
                    .get(CHECK_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " is not reachable (no answer within "
                    + CHECK_TIMEOUT.toSeconds() + " s); is the stack up?");
        }
        return this;
    }

    /** Fails with a clear message unless the schema registry answers within seconds. */
    KafkaAccess requireRegistry() {
        try {
            registry().subjects();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the schema registry at " + registryUrl + " is not reachable: " + e.getMessage());
        }
        return this;
    }

    /** A registry client that gives up quickly, naming the URL. */
    SchemaRegistryClient registry() {
        return new SchemaRegistryClient(
                SchemaRegistryClient.parseUrls(registryUrl), Duration.ofSeconds(3), 2, Duration.ofSeconds(60));
    }

    Admin admin() {
        return Admin.create(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) CHECK_TIMEOUT.toMillis(),
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                500));
    }

    /** Consumer settings without a group: the CLI reads, it never commits. */
    Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
        return config;
    }

    List<String> eventTopicNames() {
        return dev.troupe.events.Topics.ALL.stream()
                .map(dev.troupe.events.Topic::name)
                .toList();
    }
}
