package dev.troupe.runtime;

import dev.troupe.devstack.DevStack;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Settings for a test's clients of its embedded stack. */
final class StackFixtures {
    private StackFixtures() {}

    /** A service on any free HTTP port, with its own state directory. */
    static ServiceConfig serviceConfig(DevStack stack, Path stateDir, String serviceName, int partitions) {
        return ServiceConfig.fromEnv(
                new Env(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                        "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                        "HTTP_PORT", "0",
                        "STATE_DIR", stateDir.toString(),
                        "TOPIC_PARTITIONS", Integer.toString(partitions),
                        "SHUTDOWN_TIMEOUT", "PT20S")),
                serviceName,
                0);
    }

    /** A consumer of its own group that reads committed records from the beginning. */
    static Map<String, Object> committedReader(DevStack stack) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
    }
}
