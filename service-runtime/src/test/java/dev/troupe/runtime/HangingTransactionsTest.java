package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.troupe.runtime.HangingTransactions.Hanging;
import dev.troupe.runtime.HangingTransactions.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hanging transactions, made as Kafka 4.3 makes them (KAFKA-20734): a transaction committed while the only broker
 * holding one of its partitions is down gets no marker there, and every {@code read_committed} reader of that
 * partition stops at its first record. Two brokers, so that the coordinator lives while the partition's broker is
 * down.
 */
class HangingTransactionsTest {
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final int OFFSETS_PARTITIONS = 4;

    private static KafkaClusterTestKit cluster;
    private static Admin admin;

    @BeforeAll
    static void startTwoBrokers() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setNumBrokerNodes(2)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", Integer.toString(OFFSETS_PARTITIONS))
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        cluster.close();
    }

    @Test
    void findsTheTransactionsItsCoordinatorCommittedWithoutTheirMarkers() throws Exception {
        int coordinator = firstBroker();
        int other = brokerOtherThan(coordinator);
        try (KafkaProducer<String, String> producer = producerCoordinatedBy("hanging", coordinator)) {
            TopicPartition events = partitionOn("hanging.events", other);
            String group = groupWhoseOffsetsLiveOn(other);
            TopicPartition offsets = new TopicPartition(
                    Topic.GROUP_METADATA_TOPIC_NAME,
                    HangingTransactionWatch.offsetsPartitionOf(group, OFFSETS_PARTITIONS));

            producer.beginTransaction();
            producer.send(record(events)).get();
            producer.sendOffsetsToTransaction(
                    Map.of(events, new OffsetAndMetadata(1)), new ConsumerGroupMetadata(group));
            whileDown(other, producer::commitTransaction);
            awaitHanging(events);

            HangingTransactions finder = new HangingTransactions(admin, GRACE);
            List<TopicPartition> watched = List.of(events, offsets);
            long now = System.currentTimeMillis();
            assertThat(finder.find(watched, now)).isEmpty();
            List<Hanging> hanging = finder.find(watched, now + GRACE.toMillis());

            assertThat(hanging)
                    .extracting(Hanging::partition, Hanging::startOffset, Hanging::outcome)
                    .containsExactlyInAnyOrder(
                            tuple(events, 0L, Outcome.COMMITTED), tuple(offsets, 0L, Outcome.COMMITTED));
            assertThat(hanging).allMatch(h -> h.transactionalId().orElseThrow().startsWith("hanging-"));

            // What an operator may do: the readers go on, and it is reported no more.
            admin.abortTransaction(hanging.get(0).abort()).all().get();
            assertThat(finder.find(watched, now + 2 * GRACE.toMillis()))
                    .extracting(Hanging::partition)
                    .containsExactly(hanging.get(1).partition());
            admin.abortTransaction(hanging.get(1).abort()).all().get();
            assertThat(finder.find(watched, now + 3 * GRACE.toMillis())).isEmpty();
            assertThat(committedEnd(events)).isEqualTo(logEnd(events));
        }
    }

    @Test
    void aServiceEndsTheHangingTransactionsItsCoordinatorAbortedAndCountsTheCommittedOnes() throws Exception {
        int coordinator = firstBroker();
        int other = brokerOtherThan(coordinator);
        try (KafkaProducer<String, String> committing = producerCoordinatedBy("committing", coordinator);
                KafkaProducer<String, String> aborting = producerCoordinatedBy("aborting", coordinator)) {
            TopicPartition committed = partitionOn("watched.committed", other);
            TopicPartition aborted = partitionOn("watched.aborted", other);
            committing.beginTransaction();
            committing.send(record(committed)).get();
            aborting.beginTransaction();
            aborting.send(record(aborted)).get();
            whileDown(other, () -> {
                committing.commitTransaction();
                aborting.abortTransaction();
            });
            awaitHanging(committed);
            awaitHanging(aborted);

            MeterRegistry meters = new SimpleMeterRegistry();
            ServiceTopics topics = new ServiceTopics(Set.of(committed.topic(), aborted.topic()), Set.of());
            ServiceConfig config = ServiceConfig.fromEnv(
                    new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers())), "ending-service", 0);
            try (HangingTransactionWatch watch = HangingTransactionWatch.start(config, topics, meters)) {
                long now = System.currentTimeMillis();
                watch.look(now);
                watch.look(now + GRACE.toMillis());

                assertThat(committedEnd(aborted)).isEqualTo(logEnd(aborted));
                assertThat(committedEnd(committed)).isZero();
                assertThat(meters.get("troupe.hanging.transactions").gauge().value())
                        .isEqualTo(1);
            }
            // Left for the next test as the cluster was found.
            admin.abortTransaction(new HangingTransactions(admin, Duration.ZERO)
                            .find(List.of(committed), 0)
                            .get(0)
                            .abort())
                    .all()
                    .get();
        }
    }

    @Test
    void leavesAnOpenTransactionItsCoordinatorStillTracks() throws Exception {
        TopicPartition events = new TopicPartition("open.events", 0);
        admin.createTopics(List.of(new NewTopic(events.topic(), 1, (short) 1)))
                .all()
                .get();
        try (KafkaProducer<String, String> producer = transactionalProducer("open", Duration.ofMinutes(5))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(events.topic(), 0, "order-2", "paid"))
                    .get();

            HangingTransactions finder = new HangingTransactions(admin, GRACE);
            long now = System.currentTimeMillis();
            for (int look = 0; look <= 3; look++) {
                assertThat(finder.find(List.of(events), now + look * GRACE.toMillis()))
                        .isEmpty();
            }

            producer.commitTransaction();
            // The record, then the commit marker, which the coordinator writes after the commit returns.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(committedEnd(events)).isEqualTo(2));
        }
    }

    @Test
    void aServiceWatchesEveryPartitionItReadsOrWritesAndTheOffsetsOfItsGroup() throws Exception {
        ServiceTopics topics = new ServiceTopics(Set.of("watched.in"), Set.of("watched.out"));
        List<NewTopic> created = new ArrayList<>();
        topics.eventTopics().forEach(topic -> created.add(new NewTopic(topic, 2, (short) 1)));
        topics.deadLetterTopics("watcher").forEach(topic -> created.add(new NewTopic(topic, 1, (short) 1)));
        created.add(new NewTopic("watcher-orders-store-changelog", 2, (short) 1));
        created.add(new NewTopic("someone-else.events", 1, (short) 1));
        admin.createTopics(created).all().get();
        offsetsTopic();

        Set<TopicPartition> watched = HangingTransactionWatch.partitionsOf(admin, "watcher", topics);

        assertThat(watched)
                .contains(
                        new TopicPartition("watched.in", 1),
                        new TopicPartition("watched.out", 1),
                        new TopicPartition(DeadLetters.topicFor("watched.in"), 0),
                        new TopicPartition(DeadLetters.internalTopicOf("watcher"), 0),
                        new TopicPartition("watcher-orders-store-changelog", 1),
                        new TopicPartition(
                                Topic.GROUP_METADATA_TOPIC_NAME,
                                HangingTransactionWatch.offsetsPartitionOf("watcher", OFFSETS_PARTITIONS)))
                .hasSize(2 + 2 + 2 + 2 + 1)
                .noneMatch(partition -> partition.topic().startsWith("someone-else"));
    }

    private static KafkaProducer<String, String> transactionalProducer(String transactionalId, Duration timeout) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                transactionalId,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) timeout.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    /** A transactional producer, ready, whose transaction coordinator is {@code broker}. */
    private static KafkaProducer<String, String> producerCoordinatedBy(String prefix, int broker) throws Exception {
        for (int i = 0; ; i++) {
            String transactionalId = prefix + "-" + i;
            KafkaProducer<String, String> producer = transactionalProducer(transactionalId, Duration.ofSeconds(10));
            producer.initTransactions();
            int coordinator = admin.describeTransactions(Set.of(transactionalId))
                    .description(transactionalId)
                    .get()
                    .coordinatorId();
            if (coordinator == broker) {
                return producer;
            }
            producer.close();
        }
    }

    private static int firstBroker() {
        return cluster.brokers().keySet().stream().min(Integer::compare).orElseThrow();
    }

    private static int brokerOtherThan(int broker) {
        return cluster.brokers().keySet().stream()
                .filter(id -> id != broker)
                .findFirst()
                .orElseThrow();
    }

    /** The only partition of a new topic, whose only replica is on {@code broker}. */
    private static TopicPartition partitionOn(String topic, int broker) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(broker)))))
                .all()
                .get();
        return new TopicPartition(topic, 0);
    }

    private static ProducerRecord<String, String> record(TopicPartition partition) {
        return new ProducerRecord<>(partition.topic(), partition.partition(), "order-1", "shipped");
    }

    /** Stops {@code broker}, ends the transactions meanwhile, and starts it again. */
    private static void whileDown(int broker, Runnable endTransactions) throws Exception {
        cluster.brokers().get(broker).shutdown();
        cluster.brokers().get(broker).awaitShutdown();
        endTransactions.run();
        cluster.brokers().get(broker).startup();
        cluster.waitForReadyBrokers();
    }

    /** Waits until the partition is back, with its one record written and none readable by committed readers. */
    private static void awaitHanging(TopicPartition partition) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(logEnd(partition)).isEqualTo(1);
            assertThat(committedEnd(partition)).isZero();
        });
    }

    /** A consumer group whose committed offsets the group coordinator keeps on {@code broker}. */
    private static String groupWhoseOffsetsLiveOn(int broker) throws Exception {
        List<TopicPartitionInfo> partitions = offsetsTopic();
        return IntStream.range(0, 1000)
                .mapToObj(i -> "group-" + i)
                .filter(group -> partitions
                                .get(HangingTransactionWatch.offsetsPartitionOf(group, OFFSETS_PARTITIONS))
                                .leader()
                                .id()
                        == broker)
                .findFirst()
                .orElseThrow();
    }

    /** The offsets topic's partitions, once each has a leader; the topic is made when first needed. */
    private static List<TopicPartitionInfo> offsetsTopic() throws Exception {
        try {
            admin.describeConsumerGroups(List.of("any")).all().get(); // finding its coordinator creates the topic
        } catch (ExecutionException noSuchGroup) {
            // expected: only the offsets topic was wanted
        }
        return await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> admin.describeTopics(Set.of(Topic.GROUP_METADATA_TOPIC_NAME))
                                .allTopicNames()
                                .get()
                                .get(Topic.GROUP_METADATA_TOPIC_NAME)
                                .partitions(),
                        partitions -> partitions.stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
    }

    private static long committedEnd(TopicPartition partition) throws Exception {
        return admin.listOffsets(
                        Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition)
                .get()
                .offset();
    }

    private static long logEnd(TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition)
                .get()
                .offset();
    }
}
