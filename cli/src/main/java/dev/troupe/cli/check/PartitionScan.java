package dev.troupe.cli.check;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads partitions from their beginning to the end offsets they had when the scan began. */
public final class PartitionScan {
    private PartitionScan() {}

    public static <K, V> void readToEnd(
            KafkaConsumer<K, V> consumer,
            Collection<TopicPartition> partitions,
            Duration timeout,
            Consumer<ConsumerRecord<K, V>> each) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        // Under read_committed a partition's end can be a transaction marker: the position passes it on a poll.
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Could not read " + partitions.size() + " partition(s) to their end within " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }
}
