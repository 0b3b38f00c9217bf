package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void anEmptyEnvironmentGivesTheDocumentedDefaults() {
        ServiceConfig config = ServiceConfig.fromEnv(new Env(Map.of()), "payment-service", 8082);

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.httpPort()).isEqualTo(8082);
        assertThat(config.topicPartitions()).isEqualTo(3);
        assertThat(config.replicationFactor()).isEqualTo((short) 1);
        assertThat(config.stateDir()).endsWithRaw(Path.of("troupe", "payment-service"));
    }

    @Test
    void settingsAreReadFromTheEnvironment() {
        ServiceConfig config = ServiceConfig.fromEnv(
                new Env(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                        "SCHEMA_REGISTRY_URL", "http://registry:8081",
                        "HTTP_PORT", "9000",
                        "TOPIC_PARTITIONS", "6",
                        "TOPIC_REPLICATION_FACTOR", "3",
                        "SHUTDOWN_TIMEOUT", "PT5S")),
                "order-service",
                8080);

        assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.topicPartitions()).isEqualTo(6);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anInvalidValueStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> ServiceConfig.fromEnv(new Env(Map.of("TOPIC_PARTITIONS", "three")), "s", 1))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("TOPIC_PARTITIONS='three'");
        assertThatThrownBy(() -> ServiceConfig.fromEnv(new Env(Map.of("HTTP_PORT", "70000")), "s", 1))
                .hasMessageContaining("HTTP_PORT");
        assertThatThrownBy(() -> ServiceConfig.fromEnv(new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka")), "s", 1))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> ServiceConfig.fromEnv(new Env(Map.of("SCHEMA_REGISTRY_URL", "registry:8081")), "s", 1))
                .hasMessageContaining("SCHEMA_REGISTRY_URL");
        assertThatThrownBy(() -> ServiceConfig.fromEnv(new Env(Map.of("SHUTDOWN_TIMEOUT", "30s")), "s", 1))
                .hasMessageContaining("SHUTDOWN_TIMEOUT");
        assertThatThrownBy(() -> ServiceConfig.fromEnv(new Env(Map.of("SHUTDOWN_TIMEOUT", "PT0S")), "s", 1))
                .hasMessageContaining("a positive ISO-8601 duration");
        assertThatThrownBy(() -> ServiceConfig.fromEnv(new Env(Map.of("FETCH_WAIT", "-PT1S")), "s", 1))
                .hasMessageContaining("FETCH_WAIT")
                .hasMessageContaining("zero or more");
    }

    @Test
    void fractionsAreBetweenZeroAndOne() {
        Env env = new Env(Map.of("PAYMENT_FAULT_RATE", "1.5"));

        assertThatThrownBy(() -> env.fraction("PAYMENT_FAULT_RATE", 0)).hasMessageContaining("PAYMENT_FAULT_RATE");
        assertThat(new Env(Map.of()).fraction("PAYMENT_FAULT_RATE", 0.25)).isEqualTo(0.25);
    }
}
