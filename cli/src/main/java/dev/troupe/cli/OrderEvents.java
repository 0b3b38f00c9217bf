package dev.troupe.cli;

import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.cli.check.PartitionScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Every event of one order, read from the topics. Events are keyed by order id, so only the one partition of
 * each topic that the key hashes to is read (the producers' default partitioner).
 */
final class OrderEvents {
    private OrderEvents() {}

    static List<ObservedEvent> read(KafkaAccess kafka, String orderId) {
        EventDecoder decoder = new EventDecoder(kafka.registry());
        byte[] key = orderId.getBytes(StandardCharsets.UTF_8);
        List<ObservedEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(kafka.consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : kafka.eventTopicNames()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null && !infos.isEmpty()) {
                    partitions.add(new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % infos.size()));
                }
            }
            PartitionScan.readToEnd(consumer, partitions, Duration.ofSeconds(30), record -> {
                if (orderId.equals(record.key())) {
                    try {
                        events.add(decoder.decode(record));
                    } catch (RuntimeException e) {
                        // a record of this order that does not decode is in the dead-letter story, not this one
                    }
                }
            });
        }
        events.sort(Comparator.comparing((ObservedEvent e) -> e.meta().getOccurredAt())
                .thenComparing(ObservedEvent::offset));
        return events;
    }
}
