package dev.troupe.cli;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** End offsets of partitions and each consumer group's lag on them, read through the admin client. */
final class TopicOffsets {
    private final Admin admin;

    TopicOffsets(Admin admin) {
        this.admin = admin;
    }

    Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    /** For every consumer group: its lag on each partition it has committed an offset for. */
    Map<String, Map<TopicPartition, Long>> lagByGroup(Map<TopicPartition, Long> ends) {
        Map<String, Map<TopicPartition, Long>> lags = new TreeMap<>();
        for (GroupListing group :
                get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
            Map<TopicPartition, Long> lag = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && ends.containsKey(partition)) {
                    lag.put(partition, Math.max(0, ends.get(partition) - offset.offset()));
                }
            });
            if (!lag.isEmpty()) {
                lags.put(group.groupId(), lag);
            }
        }
        return lags;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(KafkaAccess.CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not answer within " + KafkaAccess.CHECK_TIMEOUT.toSeconds() + " s");
        }
    }
}
