package dev.troupe.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration every service runs with. */
public final class StreamsSettings {
    private StreamsSettings() {}

    public static Properties of(ServiceConfig config, Set<String> inputTopics, MeterRegistry meters) {
        return of(config, inputTopics, meters, config.httpPort());
    }

    /** With the HTTP port actually bound, which other instances use to query this one's stores. */
    public static Properties of(
            ServiceConfig config, Set<String> inputTopics, MeterRegistry meters, int boundHttpPort) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedHost() + ":" + boundHttpPort);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.serviceName());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        // Reading an input, updating state and writing the next event commit as one transaction.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        // Under exactly-once, downstream services see an event only after this commit: it bounds each hop's latency.
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        // The default from Kafka 5.0 on; set now so the handler covers global stores too, as it will then.
        props.put("processing.exception.handler.global.enabled", true);
        // Events of different topics may arrive in any order (DESIGN §3), so a task need not wait for its other
        // input partitions before processing what it has. Kafka's default (0) checks every input partition before
        // every record, formatting a log line for each empty one: a fifth of the order service's CPU, with 11 topics.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        props.put(DeadLetterHandler.SERVICE_CONFIG, config.serviceName());
        props.put(DeadLetterHandler.INPUT_TOPICS_CONFIG, String.join(",", inputTopics));
        props.put(DeadLetterHandler.METER_REGISTRY_CONFIG, meters);
        // A new consumer group starts at the beginning: no event written before the service first ran is skipped.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A crashed instance's partitions move after 10 s, not Kafka's default 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        config.instanceId()
                .ifPresent(id -> props.put(
                        StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                        config.serviceName() + "-" + id));
        producerSettings(props, config);
        fetchSettings(props, config.fetchWait());
        return props;
    }

    /**
     * Lets the producer gather a partition's records for up to {@code producerLinger} into batches of up to
     * {@link ServiceConfig#PRODUCER_BATCH_BYTES}. Under exactly-once the commit interval, not batching, decides when
     * events become visible.
     */
    public static void producerSettings(Properties props, ServiceConfig config) {
        props.put(
                StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG),
                config.producerLinger().toMillis());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), ServiceConfig.PRODUCER_BATCH_BYTES);
    }

    /**
     * Lets the broker hold a fetch of the inputs for up to {@code fetchWait} until it has
     * {@link ServiceConfig#FETCH_MIN_BYTES}: fewer, fuller fetches, each of which costs a consumer and the broker
     * about as much as a record. Only the main consumer: restoring state should not wait.
     */
    public static void fetchSettings(Properties props, Duration fetchWait) {
        if (!fetchWait.isZero()) {
            props.put(
                    StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG),
                    ServiceConfig.FETCH_MIN_BYTES);
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), (int)
                    fetchWait.toMillis());
        }
    }
}
