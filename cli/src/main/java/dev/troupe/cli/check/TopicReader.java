package dev.troupe.cli.check;

import dev.troupe.events.Topic;
import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.serde.AvroDeserializer;
import dev.troupe.registry.serde.AvroSerdeConfig;
import dev.troupe.runtime.DeadLetters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every committed event of the event topics from the beginning to the end they had when reading began.
 * Records that do not decode are counted, not fatal.
 */
public final class TopicReader {
    /** What was read: the events, and the records that would not decode, by topic. */
    public record Snapshot(List<ObservedEvent> events, Map<String, Integer> undecodable) {}

    private TopicReader() {}

    public static Snapshot readAll(String bootstrapServers, SchemaRegistryClient registry, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2_000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis());
        AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>(registry, null);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<ObservedEvent> events = new ArrayList<>();
        Map<String, Integer> undecodable = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            PartitionScan.readToEnd(consumer, partitions(consumer, Topics.ALL), timeout, record -> {
                if (record.headers().lastHeader(DeadLetters.REPLAYED_FROM) != null) {
                    // A copy of a record still on its topic, re-driven by `dlq replay`: the same input again.
                    return;
                }
                try {
                    events.add(new ObservedEvent(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.timestamp(),
                            deserializer.deserialize(record.topic(), record.value())));
                } catch (RuntimeException e) {
                    undecodable.merge(record.topic(), 1, Integer::sum);
                }
            });
        }
        return new Snapshot(events, undecodable);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, Collection<Topic<?>> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<?> topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        return partitions;
    }
}
