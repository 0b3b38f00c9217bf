package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {
    @Test
    void runsExactlyOnceUnlessAtLeastOnceIsAskedFor() {
        ServiceConfig standard = ServiceConfig.fromEnv(new Env(Map.of()), "payment-service", 8082);
        ServiceConfig relaxed = ServiceConfig.fromEnv(
                new Env(Map.of("PROCESSING_GUARANTEE", "at_least_once")), "payment-service", 8082);

        assertThat(StreamsSettings.of(standard, Set.of("order.created"), new SimpleMeterRegistry())
                        .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(StreamsSettings.of(relaxed, Set.of("order.created"), new SimpleMeterRegistry())
                        .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.AT_LEAST_ONCE);
    }

    @Test
    void lingersForTheCommitIntervalUnderExactlyOnceAndBrieflyOtherwise() {
        assertThat(ServiceConfig.fromEnv(new Env(Map.of("COMMIT_INTERVAL", "PT0.2S")), "s", 0)
                        .producerLinger())
                .isEqualTo(Duration.ofMillis(200));
        assertThat(ServiceConfig.fromEnv(new Env(Map.of("PROCESSING_GUARANTEE", "at_least_once")), "s", 0)
                        .producerLinger())
                .isEqualTo(Duration.ofMillis(5));
        assertThat(ServiceConfig.fromEnv(new Env(Map.of("PRODUCER_LINGER", "PT0.02S")), "s", 0)
                        .producerLinger())
                .isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void producersBatchUpTo256KiBPerPartitionWhateverTheGuarantee() {
        assertThat(settings(Map.of()).get(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG)))
                .isEqualTo(256 * 1024);
        assertThat(settings(Map.of("PROCESSING_GUARANTEE", "at_least_once"))
                        .get(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG)))
                .isEqualTo(256 * 1024);
    }

    @Test
    void theInputsAreFetchedFullerUnderExactlyOnceAndAtOnceOtherwise() {
        Properties standard = settings(Map.of("COMMIT_INTERVAL", "PT0.2S"));
        assertThat(standard.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)))
                .isEqualTo(50);
        assertThat(standard.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)))
                .isEqualTo(ServiceConfig.FETCH_MIN_BYTES);
        assertThat(standard)
                .doesNotContainKey(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG));

        assertThat(settings(Map.of("PROCESSING_GUARANTEE", "at_least_once")))
                .doesNotContainKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG));
        assertThat(settings(Map.of("FETCH_WAIT", "PT0S")))
                .doesNotContainKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG));
        assertThat(settings(Map.of("FETCH_WAIT", "PT0.01S"))
                        .get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)))
                .isEqualTo(10);
    }

    @Test
    void anUnknownGuaranteeStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> ServiceConfig.fromEnv(
                        new Env(Map.of("PROCESSING_GUARANTEE", "exactly_once")), "payment-service", 8082))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("PROCESSING_GUARANTEE");
    }

    private static Properties settings(Map<String, String> env) {
        return StreamsSettings.of(
                ServiceConfig.fromEnv(new Env(env), "payment-service", 0),
                Set.of("order.created"),
                new SimpleMeterRegistry());
    }
}
