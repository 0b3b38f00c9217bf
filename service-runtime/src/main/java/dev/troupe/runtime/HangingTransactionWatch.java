package dev.troupe.runtime;

import dev.troupe.runtime.HangingTransactions.Hanging;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for hanging transactions on the partitions a service reads and writes. It ends those their coordinator
 * aborted, with the abort marker the coordinator decided but did not write, and reports the others: a warning with
 * their way out, and the gauge {@code troupe.hanging.transactions}.
 *
 * <p>It does not end the others. A client can write only an abort marker; if the coordinator committed the
 * transaction, that would drop its records here while its other partitions kept theirs — an event lost, or an input
 * taken as processed whose output is gone. Whether to abort those is the operator's call (ADR 9,
 * docs/reliability.md).
 */
final class HangingTransactionWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactionWatch.class);
    private static final Duration EVERY = Duration.ofSeconds(10);
    /** Three times the transaction timeout Kafka Streams gives its producers under exactly-once (10 s). */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final ServiceConfig config;
    private final ServiceTopics topics;
    private final Admin admin;
    private final HangingTransactions finder;
    private final ScheduledExecutorService timer;
    private final AtomicInteger hangingNow = new AtomicInteger();
    private final MeterRegistry meters;
    private final Gauge gauge;
    private Map<String, Hanging> reported = Map.of();

    private HangingTransactionWatch(ServiceConfig config, ServiceTopics topics, Admin admin, MeterRegistry meters) {
        this.config = config;
        this.topics = topics;
        this.admin = admin;
        this.meters = meters;
        this.gauge = Gauge.builder("troupe.hanging.transactions", hangingNow, AtomicInteger::get)
                .description("Transactions open on this service's partitions that no marker will end")
                .register(meters);
        this.finder = new HangingTransactions(admin, GRACE);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, config.serviceName() + "-hanging-transactions");
            thread.setDaemon(true);
            return thread;
        });
    }

    static HangingTransactionWatch start(ServiceConfig config, ServiceTopics topics, MeterRegistry meters) {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
        HangingTransactionWatch watch = new HangingTransactionWatch(config, topics, admin, meters);
        watch.timer.scheduleWithFixedDelay(
                () -> watch.look(System.currentTimeMillis()),
                EVERY.toMillis(),
                EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return watch;
    }

    /** The partition of the offsets topic where the group coordinator keeps {@code group}'s offsets. */
    static int offsetsPartitionOf(String group, int offsetsTopicPartitions) {
        return Utils.abs(group.hashCode()) % offsetsTopicPartitions;
    }

    /** One look at the service's partitions, as of {@code nowMillis}; the timer calls it every {@link #EVERY}. */
    synchronized void look(long nowMillis) {
        try {
            List<Hanging> hanging = finder.find(partitionsOf(admin, config.serviceName(), topics), nowMillis);
            List<Hanging> left = new ArrayList<>();
            for (Hanging transaction : hanging) {
                if (!endedAsDecided(transaction)) {
                    left.add(transaction);
                }
            }
            report(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.info("{}: could not look for hanging transactions: {}", config.serviceName(), e.toString());
        }
    }

    /**
     * Writes the abort marker of a transaction its coordinator aborted. If the producer has written to the partition
     * since, with a later epoch, the broker refuses the marker, and the transaction stays reported.
     */
    private boolean endedAsDecided(Hanging transaction) throws InterruptedException {
        if (transaction.outcome() != HangingTransactions.Outcome.ABORTED) {
            return false;
        }
        try {
            admin.abortTransaction(transaction.abort()).all().get();
            LOG.warn(
                    "{}: ended a hanging transaction on {}: its coordinator had aborted it but never wrote the marker "
                            + "here (KAFKA-20734); wrote it, and the readers of {} go on",
                    config.serviceName(),
                    transaction,
                    transaction.partition());
            return true;
        } catch (ExecutionException refused) {
            LOG.warn(
                    "{}: could not end the hanging transaction on {}: {}",
                    config.serviceName(),
                    transaction,
                    refused.getCause().toString());
            return false;
        }
    }

    /**
     * The partitions a service reads and writes: those of its topics, of its internal topics (changelogs,
     * repartition topics) and the one of the offsets topic that holds its consumer group's offsets.
     */
    static Set<TopicPartition> partitionsOf(Admin admin, String serviceName, ServiceTopics topics)
            throws InterruptedException, ExecutionException {
        Set<String> own = new HashSet<>(topics.eventTopics());
        own.addAll(topics.deadLetterTopics(serviceName));
        own.add(Topic.GROUP_METADATA_TOPIC_NAME);
        Set<TopicPartition> partitions = HangingTransactions.partitionsOf(
                admin, name -> own.contains(name) || name.startsWith(serviceName + "-"));
        int offsetsPartitions = (int) partitions.stream()
                .filter(p -> p.topic().equals(Topic.GROUP_METADATA_TOPIC_NAME))
                .count();
        partitions.removeIf(p -> p.topic().equals(Topic.GROUP_METADATA_TOPIC_NAME)
                && p.partition() != offsetsPartitionOf(serviceName, offsetsPartitions));
        return partitions;
    }

    /** Warns of each hanging transaction once, and says when one no longer hangs. */
    private void report(List<Hanging> hanging) {
        hangingNow.set(hanging.size());
        Map<String, Hanging> now = new HashMap<>();
        hanging.forEach(transaction -> now.put(transaction.partition() + "@" + transaction.startOffset(), transaction));
        now.forEach((at, transaction) -> {
            if (!reported.containsKey(at)) {
                warn(transaction);
            }
        });
        reported.forEach((at, transaction) -> {
            if (!now.containsKey(at)) {
                LOG.info("{}: the transaction on {} no longer hangs", config.serviceName(), transaction);
            }
        });
        reported = now;
    }

    private void warn(Hanging transaction) {
        LOG.warn(
                "{}: a hanging transaction on {}: open for {} and no longer tracked by its coordinator, so every "
                        + "read_committed reader of {} is stopped at offset {} (KAFKA-20734). {} "
                        + "See docs/reliability.md, \"Hanging transactions\".",
                config.serviceName(),
                transaction,
                transaction.openFor(),
                transaction.partition(),
                transaction.startOffset(),
                wayOut(transaction));
    }

    private String wayOut(Hanging transaction) {
        String abort = "kafka-transactions.sh --bootstrap-server " + config.bootstrapServers() + " abort --topic "
                + transaction.partition().topic() + " --partition "
                + transaction.partition().partition()
                + " --start-offset " + transaction.startOffset();
        return switch (transaction.outcome()) {
            case COMMITTED ->
                "Its coordinator committed it: aborting it here (" + abort + ") would drop records "
                        + "its other partitions kept.";
            case ABORTED -> "Its coordinator aborted it, so aborting it here is safe: " + abort;
            case UNKNOWN ->
                "Its coordinator no longer says whether it committed it; aborting it here (" + abort
                        + ") drops its records, which is right only if it was aborted.";
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(EVERY);
        // A start that failed is retried with the same registry, which must then take the next watch's gauge.
        meters.remove(gauge);
    }
}
