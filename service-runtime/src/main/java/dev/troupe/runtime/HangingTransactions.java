package dev.troupe.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.DescribeTransactionsResult;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;

/**
 * Finds hanging transactions: transactions still open on a partition that their coordinator no longer tracks, so
 * that no marker will ever end them. Every {@code read_committed} reader of the partition stops at such a
 * transaction's first record. Kafka 4.3 leaves them behind when a partition has no leader while its coordinator
 * completes a transaction (KAFKA-20734, docs/reliability.md).
 *
 * <p>A transaction hangs when it has been seen open at the same offset, without a write by its producer, for the
 * grace period, and its coordinator does not list the partition among those it still has to mark. That is Kafka's
 * own rule ({@code kafka-transactions.sh find-hanging}) with this process's clock in place of the producer's
 * timestamps: the grace must exceed the transaction timeout of every producer of these partitions, by which the
 * coordinator aborts any transaction it still tracks.
 */
public final class HangingTransactions {

    /** A transaction that no marker will end; readers of {@code partition} stop at {@code startOffset}. */
    public record Hanging(
            TopicPartition partition,
            long startOffset,
            long producerId,
            int producerEpoch,
            int coordinatorEpoch,
            Optional<String> transactionalId,
            Outcome outcome,
            Duration openFor) {

        /** The abort marker that ends it. */
        public AbortTransactionSpec abort() {
            return new AbortTransactionSpec(partition, producerId, (short) producerEpoch, coordinatorEpoch);
        }

        @Override
        public String toString() {
            return partition + " from offset " + startOffset + " (producer " + producerId + ", epoch " + producerEpoch
                    + transactionalId.map(id -> ", transactional id " + id).orElse("") + ")";
        }
    }

    /** What the coordinator decided for a hanging transaction, as far as it still says. */
    public enum Outcome {
        COMMITTED,
        ABORTED,
        /** The coordinator no longer knows the producer, or the producer has run transactions since. */
        UNKNOWN;

        /**
         * Under transactions version 2, a producer's epoch goes up by one as each of its transactions ends, so the
         * coordinator still holds a transaction's outcome while its producer's epoch is one above the transaction's.
         * Under version 1 the epoch says nothing of which transaction the coordinator's state is about.
         */
        static Outcome of(
                Optional<TransactionDescription> description, int transactionEpoch, boolean transactionsVersion2) {
            return description
                    .filter(d -> transactionsVersion2 && d.producerEpoch() == transactionEpoch + 1)
                    .map(d -> switch (d.state()) {
                        case PREPARE_COMMIT, COMPLETE_COMMIT -> COMMITTED;
                        case PREPARE_ABORT, COMPLETE_ABORT -> ABORTED;
                        default -> UNKNOWN;
                    })
                    .orElse(UNKNOWN);
        }
    }

    private record OpenTransaction(TopicPartition partition, long producerId, long startOffset) {}

    /** When a transaction was first seen open, and its producer's last write then. */
    private record Sighting(long sinceMillis, int producerEpoch, int lastSequence) {
        boolean sameWritesAs(ProducerState producer) {
            return producer.producerEpoch() == producerEpoch && producer.lastSequence() == lastSequence;
        }
    }

    private final Admin admin;
    private final Duration grace;
    private final Map<OpenTransaction, Sighting> sightings = new HashMap<>();

    public HangingTransactions(Admin admin, Duration grace) {
        this.admin = admin;
        this.grace = grace;
    }

    /**
     * Looks at the open transactions of {@code partitions} at {@code nowMillis} and returns those that hang. A
     * partition that cannot be described now (no leader, say) keeps what was seen of it before.
     */
    public List<Hanging> find(Collection<TopicPartition> partitions, long nowMillis) throws InterruptedException {
        Map<TopicPartition, PartitionProducerState> producers = describeProducers(partitions);
        Map<OpenTransaction, Sighting> previous = new HashMap<>(sightings);
        sightings.keySet().removeIf(seen -> producers.containsKey(seen.partition()));
        Map<OpenTransaction, ProducerState> pastGrace = new HashMap<>();
        producers.forEach((partition, state) -> state.activeProducers()
                .forEach(producer -> producer.currentTransactionStartOffset().ifPresent(startOffset -> {
                    OpenTransaction open = new OpenTransaction(partition, producer.producerId(), startOffset);
                    Sighting sighting = previous.get(open);
                    if (sighting == null || !sighting.sameWritesAs(producer)) {
                        sighting = new Sighting(nowMillis, producer.producerEpoch(), producer.lastSequence());
                    }
                    sightings.put(open, sighting);
                    if (nowMillis - sighting.sinceMillis() >= grace.toMillis()) {
                        pastGrace.put(open, producer);
                    }
                })));
        return pastGrace.isEmpty() ? List.of() : untracked(pastGrace, nowMillis);
    }

    /** The open transactions past the grace whose coordinator does not list their partition. */
    private List<Hanging> untracked(Map<OpenTransaction, ProducerState> pastGrace, long nowMillis)
            throws InterruptedException {
        Set<Long> producerIds =
                pastGrace.keySet().stream().map(OpenTransaction::producerId).collect(Collectors.toSet());
        Map<Long, String> transactionalIds = transactionalIds(producerIds);
        Map<String, Optional<TransactionDescription>> descriptions = describe(Set.copyOf(transactionalIds.values()));
        boolean transactionsVersion2 = transactionsVersion() >= 2;
        List<Hanging> hanging = new ArrayList<>();
        pastGrace.forEach((open, producer) -> {
            Optional<String> transactionalId = Optional.ofNullable(transactionalIds.get(open.producerId()));
            Optional<TransactionDescription> description = transactionalId.flatMap(descriptions::get);
            boolean tracked = description
                    .filter(d -> d.topicPartitions().contains(open.partition()))
                    .isPresent();
            if (!tracked) {
                hanging.add(new Hanging(
                        open.partition(),
                        open.startOffset(),
                        open.producerId(),
                        producer.producerEpoch(),
                        // A transaction that hangs before its producer's first marker has none; 0 is at most any.
                        producer.coordinatorEpoch().orElse(0),
                        transactionalId,
                        Outcome.of(description, producer.producerEpoch(), transactionsVersion2),
                        Duration.ofMillis(nowMillis - sightings.get(open).sinceMillis())));
            }
        });
        return hanging;
    }

    /** Every partition of the existing topics, internal ones included, whose name {@code wanted} accepts. */
    public static Set<TopicPartition> partitionsOf(Admin admin, Predicate<String> wanted)
            throws InterruptedException, ExecutionException {
        Set<String> names = new HashSet<>();
        for (String name : admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get()) {
            if (wanted.test(name)) {
                names.add(name);
            }
        }
        Set<TopicPartition> partitions = new HashSet<>();
        for (TopicDescription topic :
                admin.describeTopics(names).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        return partitions;
    }

    /** The transactions version the cluster has finalized: 2 for clusters made with Kafka 4.0 or later. */
    private short transactionsVersion() throws InterruptedException {
        try {
            FinalizedVersionRange version = admin.describeFeatures()
                    .featureMetadata()
                    .get()
                    .finalizedFeatures()
                    .get("transaction.version");
            return version == null ? 0 : version.maxVersionLevel();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the cluster's transactions version", e.getCause());
        }
    }

    private Map<TopicPartition, PartitionProducerState> describeProducers(Collection<TopicPartition> partitions)
            throws InterruptedException {
        Map<TopicPartition, PartitionProducerState> described = new HashMap<>();
        if (partitions.isEmpty()) {
            return described;
        }
        DescribeProducersResult result = admin.describeProducers(partitions);
        for (TopicPartition partition : partitions) {
            try {
                described.put(partition, result.partitionResult(partition).get());
            } catch (ExecutionException notDescribedNow) {
                // Looked at again next time.
            }
        }
        return described;
    }

    private Map<Long, String> transactionalIds(Set<Long> producerIds) throws InterruptedException {
        try {
            return admin
                    .listTransactions(new ListTransactionsOptions().filterProducerIds(producerIds))
                    .all()
                    .get()
                    .stream()
                    .filter(listing -> producerIds.contains(listing.producerId()))
                    .collect(Collectors.toMap(
                            TransactionListing::producerId, TransactionListing::transactionalId, (a, b) -> a));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list the transactions of producers " + producerIds, e.getCause());
        }
    }

    /** Each transactional id's description, empty for one its coordinator no longer knows. */
    private Map<String, Optional<TransactionDescription>> describe(Set<String> transactionalIds)
            throws InterruptedException {
        Map<String, Optional<TransactionDescription>> descriptions = new HashMap<>();
        if (transactionalIds.isEmpty()) {
            return descriptions;
        }
        DescribeTransactionsResult result = admin.describeTransactions(transactionalIds);
        for (String transactionalId : transactionalIds) {
            try {
                descriptions.put(
                        transactionalId,
                        Optional.of(result.description(transactionalId).get()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw new IllegalStateException("Cannot describe transaction " + transactionalId, e.getCause());
                }
                descriptions.put(transactionalId, Optional.empty());
            }
        }
        return descriptions;
    }
}
