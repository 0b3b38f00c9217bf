package dev.troupe.cli.bench;

import dev.troupe.runtime.Env;
import dev.troupe.runtime.ServiceConfig;
import dev.troupe.runtime.StreamsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The limit a choreography is measured against: a chain of Kafka Streams applications, each reading one topic
 * and writing the next, with nothing in between — the hops alone. Each hop runs with the services' processing
 * guarantee, commit interval, linger and batch size, fetch wait and partitions. Settings: the services' own
 * ({@link ServiceConfig}: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code TOPIC_PARTITIONS}, {@code PROCESSING_GUARANTEE},
 * {@code COMMIT_INTERVAL}, {@code PRODUCER_LINGER}, {@code FETCH_WAIT}, {@code STATE_DIR}) and {@code CHAIN_HOPS} (4).
 */
public final class PassThroughChain {
    static final String TOPIC_PREFIX = "bench.hop";

    private PassThroughChain() {}

    static String topic(int hop) {
        return TOPIC_PREFIX + hop;
    }

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        // The settings every service reads, read the same way, so the chain runs as the services do.
        ServiceConfig config = ServiceConfig.fromEnv(env, "bench-chain", 0);
        int hops = env.integer("CHAIN_HOPS", 4, 1, 20);

        createTopics(config.bootstrapServers(), hops, config.topicPartitions());
        List<KafkaStreams> chain = new ArrayList<>();
        for (int hop = 0; hop < hops; hop++) {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(topic(hop)).to(topic(hop + 1));
            KafkaStreams streams = new KafkaStreams(builder.build(), settings(config, hop));
            streams.start();
            chain.add(streams);
        }
        System.out.println("pass-through chain of " + hops + " hops running (" + config.processingGuarantee()
                + ", commit every " + config.commitInterval() + ", " + config.topicPartitions() + " partitions)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            chain.forEach(streams -> streams.close(Duration.ofSeconds(10)));
            stopped.countDown();
        }));
        stopped.await();
    }

    private static Properties settings(ServiceConfig config, int hop) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-chain-hop" + hop);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED); // as the services
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                config.stateDir().resolve("hop" + hop).toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        // Its topics are new in every run, and the first records may be written before a hop has its partitions.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        StreamsSettings.producerSettings(props, config);
        StreamsSettings.fetchSettings(props, config.fetchWait());
        return props;
    }

    private static void createTopics(String bootstrap, int hops, int partitions) throws Exception {
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (NewTopic topic : IntStream.rangeClosed(0, hops)
                    .mapToObj(hop -> new NewTopic(topic(hop), partitions, (short) 1))
                    .toList()) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
