package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A service whose local state was left unreadable by a crash starts anyway, with its state restored. */
@ExtendWith(DevStackExtension.class)
class LocalStateRecoveryTest {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String input = "in-" + suffix;
    private final String output = "out-" + suffix;

    @Test
    void aStoreRocksDbCannotOpenIsRestoredFromItsChangelog(DevStack stack, @TempDir Path stateDir) throws Exception {
        ServiceConfig config = StackFixtures.serviceConfig(stack, stateDir, "state-test-" + suffix, 1);
        try (TroupeService first = start(config)) {
            send(stack, "sku-1", "sku-1");
            awaitCount(stack, 2);
        }
        // What a kill in the middle of Kafka Streams deleting a store's files leaves: CURRENT, but not its manifest.
        List<Path> manifests = manifestsOf(stateDir);
        assertThat(manifests).isNotEmpty();
        for (Path manifest : manifests) {
            Files.delete(manifest);
        }

        try (TroupeService second = start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> second.streams().state() == KafkaStreams.State.RUNNING);
            send(stack, "sku-1");
            awaitCount(stack, 3);
            assertThat(second.failed()).isFalse();
        }
    }

    private TroupeService start(ServiceConfig config) {
        return TroupeService.start(config, counts(), new ServiceTopics(Set.of(input), Set.of(output)));
    }

    /** How often each key was seen, kept in a RocksDB store logged to a changelog. */
    private Topology counts() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .count(Materialized.as("counts"))
                .toStream()
                .to(output, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    private static List<Path> manifestsOf(Path stateDir) throws IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("MANIFEST-"))
                    .toList();
        }
    }

    private void send(DevStack stack, String... keys) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (String key : keys) {
                producer.send(new ProducerRecord<>(input, key, "seen")).get();
            }
        }
    }

    /** Waits until the output holds the count {@code expected} for sku-1 and no count above it. */
    private void awaitCount(DevStack stack, long expected) {
        List<Long> counts = new ArrayList<>();
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(
                StackFixtures.committedReader(stack), new StringDeserializer(), new LongDeserializer())) {
            consumer.subscribe(List.of(output));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> counts.add(record.value()));
                assertThat(counts).contains(expected);
            });
        }
        assertThat(counts).allMatch(count -> count <= expected);
    }
}
