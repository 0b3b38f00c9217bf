package dev.troupe.runtime;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every service reads from its environment (DESIGN §5). Each service adds its own settings record
 * beside this one.
 *
 * @param serviceName the service's name; also its Kafka Streams application id and consumer group
 * @param bootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}, default {@code localhost:9092}
 * @param schemaRegistryUrl {@code SCHEMA_REGISTRY_URL}, default {@code http://localhost:8081}
 * @param httpPort {@code HTTP_PORT}: metrics, health and any API of the service; 0 picks a free port
 * @param instanceId {@code INSTANCE_ID}: a stable name for this instance among the service's instances, for
 *     static group membership (a restarted instance takes back its partitions without a rebalance); none by default
 * @param advertisedHost {@code ADVERTISED_HOST}: how other instances reach this one's HTTP port, default the host name
 * @param stateDir {@code STATE_DIR}: local state stores, default {@code /tmp/troupe/<service>}
 * @param topicPartitions {@code TOPIC_PARTITIONS}: partitions of the topics a service creates, default 3
 * @param replicationFactor {@code TOPIC_REPLICATION_FACTOR}: default 1
 * @param commitInterval {@code COMMIT_INTERVAL}: how often a transaction commits; bounds end-to-end latency
 * @param shutdownTimeout {@code SHUTDOWN_TIMEOUT}: the bound on a graceful stop after SIGTERM
 * @param producerLinger {@code PRODUCER_LINGER}: how long the producer waits to fill a batch; by default the
 *     commit interval under exactly-once (nothing is visible before the commit anyway, and the commit flushes:
 *     fuller batches cost no latency and save requests — see docs/performance.md), 5 ms under at-least-once
 * @param fetchWait {@code FETCH_WAIT}: how long the broker may hold a fetch of the services' input until it has
 *     {@link #FETCH_MIN_BYTES} to return; by default a quarter of the commit interval under exactly-once (a hop waits
 *     for the upstream commit anyway, and fuller fetches save a tenth of the stack's CPU at 800 orders/s — see
 *     docs/performance.md), none under at-least-once; zero returns whatever has arrived at once
 * @param processingGuarantee {@code PROCESSING_GUARANTEE}: {@code exactly_once_v2} (the default) or
 *     {@code at_least_once}, which trades the guarantee for latency (benchmarks only: state and events may then
 *     be repeated after a crash)
 */
public record ServiceConfig(
        String serviceName,
        String bootstrapServers,
        String schemaRegistryUrl,
        int httpPort,
        String advertisedHost,
        java.util.Optional<String> instanceId,
        Path stateDir,
        int topicPartitions,
        short replicationFactor,
        Duration commitInterval,
        Duration shutdownTimeout,
        Duration producerLinger,
        Duration fetchWait,
        String processingGuarantee) {
    public static final String EXACTLY_ONCE = "exactly_once_v2";
    public static final String AT_LEAST_ONCE = "at_least_once";
    /** What a fetch waits for, up to {@code FETCH_WAIT} (the other pairs measured: docs/performance.md). */
    public static final int FETCH_MIN_BYTES = 32 * 1024;
    /**
     * The most a producer batch of one partition holds. Kafka's default, 16 KiB, holds only 13 of the order service's
     * 1.2 KB states, and a full batch is sent at once rather than at the linger, taking every other partition's batch
     * as it stands with it: at 800 orders/s the services wrote 2.3 times the batches they do with 256 KiB, which
     * holds a commit's worth at the rates measured and stays well under the broker's 1 MB limit on a batch.
     */
    public static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    /** This machine's name, as other instances on the network (or in a compose project) reach it. */
    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** The linger that costs no latency: the commit interval under exactly-once, 5 ms otherwise. */
    public static Duration defaultLinger(String processingGuarantee, Duration commitInterval) {
        return EXACTLY_ONCE.equals(processingGuarantee) ? commitInterval : Duration.ofMillis(5);
    }

    /** The fetch wait that costs little latency: a quarter of the commit interval under exactly-once, none otherwise. */
    public static Duration defaultFetchWait(String processingGuarantee, Duration commitInterval) {
        return EXACTLY_ONCE.equals(processingGuarantee) ? commitInterval.dividedBy(4) : Duration.ZERO;
    }

    public static ServiceConfig fromEnv(Env env, String serviceName, int defaultHttpPort) {
        String processingGuarantee = processingGuarantee(env);
        Duration commitInterval = env.duration("COMMIT_INTERVAL", Duration.ofMillis(100));
        return new ServiceConfig(
                serviceName,
                env.hostPorts("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                env.urls("SCHEMA_REGISTRY_URL", "http://localhost:8081"),
                env.integer("HTTP_PORT", defaultHttpPort, 0, 65535),
                env.string("ADVERTISED_HOST", localHostName()),
                java.util.Optional.of(env.string("INSTANCE_ID", "")).filter(id -> !id.isEmpty()),
                Path.of(env.string(
                        "STATE_DIR",
                        Path.of(System.getProperty("java.io.tmpdir"), "troupe", serviceName)
                                .toString())),
                env.integer("TOPIC_PARTITIONS", 3, 1, 1000),
                (short) env.integer("TOPIC_REPLICATION_FACTOR", 1, 1, 32),
                commitInterval,
                env.duration("SHUTDOWN_TIMEOUT", Duration.ofSeconds(30)),
                env.duration("PRODUCER_LINGER", defaultLinger(processingGuarantee, commitInterval)),
                env.durationOrZero("FETCH_WAIT", defaultFetchWait(processingGuarantee, commitInterval)),
                processingGuarantee);
    }

    private static String processingGuarantee(Env env) {
        String value = env.string("PROCESSING_GUARANTEE", EXACTLY_ONCE);
        if (!value.equals(EXACTLY_ONCE) && !value.equals(AT_LEAST_ONCE)) {
            throw new InvalidSettingException("PROCESSING_GUARANTEE", value, EXACTLY_ONCE + " or " + AT_LEAST_ONCE);
        }
        return value;
    }
}
