package dev.troupe.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running service: its Kafka Streams application, its metrics, its HTTP endpoints and its watch for hanging
 * transactions. It owns them all and stops them within the configured bound on {@link #close()}, which the
 * shutdown hook calls on SIGTERM.
 */
public final class TroupeService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TroupeService.class);

    private final ServiceConfig config;
    private final PrometheusMeterRegistry metrics;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final OpsHttpServer http;
    private final HangingTransactionWatch hangingTransactions;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean failed;

    private TroupeService(
            ServiceConfig config,
            PrometheusMeterRegistry metrics,
            KafkaStreams streams,
            OpsHttpServer http,
            HangingTransactionWatch hangingTransactions) {
        this.config = config;
        this.metrics = metrics;
        this.streams = streams;
        this.http = http;
        this.hangingTransactions = hangingTransactions;
        this.streamsMetrics = new KafkaStreamsMetrics(streams, List.of(Tag.of("service", config.serviceName())));
        streamsMetrics.bindTo(metrics);
    }

    /** Starts a service whose topology is built with the service's own meter registry. */
    public static TroupeService start(ServiceConfig config, Function<MeterRegistry, EventTopology> build) {
        PrometheusMeterRegistry metrics = newRegistry(config);
        EventTopology topology = build.apply(metrics);
        return start(config, topology.topology(), topology.topics(), metrics);
    }

    public static TroupeService start(ServiceConfig config, Topology topology, ServiceTopics topics) {
        return start(config, topology, topics, newRegistry(config));
    }

    private static PrometheusMeterRegistry newRegistry(ServiceConfig config) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().commonTags("service", config.serviceName());
        List.of(
                        new JvmMemoryMetrics(),
                        new JvmGcMetrics(),
                        new JvmThreadMetrics(),
                        new ClassLoaderMetrics(),
                        new ProcessorMetrics(),
                        new UptimeMetrics())
                .forEach(binder -> binder.bindTo(metrics));
        return metrics;
    }

    /**
     * Starts the service; if its local state cannot be opened, deletes it and starts again. A process killed while
     * Kafka Streams was deleting a store's files — which it does when a task closes uncleanly under exactly-once —
     * leaves a store RocksDB cannot open. Every store is logged to a changelog, so the local state is a copy: the
     * second start restores it from there.
     */
    private static TroupeService start(
            ServiceConfig config, Topology topology, ServiceTopics topics, PrometheusMeterRegistry metrics) {
        try {
            return startOnce(config, topology, topics, metrics);
        } catch (ProcessorStateException unreadableStateDeleted) {
            return startOnce(config, topology, topics, metrics);
        }
    }

    /**
     * Creates the missing topics, then starts the HTTP endpoints, Kafka Streams and the watch for hanging
     * transactions; if Kafka Streams cannot open the local state, closes what it opened, deletes that state and
     * throws.
     */
    private static TroupeService startOnce(
            ServiceConfig config, Topology topology, ServiceTopics topics, PrometheusMeterRegistry metrics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
            TopicCreator.ensure(admin, topics.eventTopics(), config.topicPartitions(), config.replicationFactor());
            TopicCreator.ensure(admin, topics.deadLetterTopics(config.serviceName()), 1, config.replicationFactor());
        }
        // HTTP first: its bound port is what other instances are told (application.server) to ask for stores.
        AtomicReference<KafkaStreams> started = new AtomicReference<>();
        OpsHttpServer http = OpsHttpServer.start(
                config.httpPort(),
                metrics,
                () -> started.get() != null && started.get().state() == KafkaStreams.State.RUNNING);
        KafkaStreams streams =
                new KafkaStreams(topology, StreamsSettings.of(config, topics.inputs(), metrics, http.port()));
        started.set(streams);
        TroupeService service = new TroupeService(
                config, metrics, streams, http, HangingTransactionWatch.start(config, topics, metrics));
        streams.setUncaughtExceptionHandler(service::onUncaughtException);
        streams.setStateListener(service::onStateChange);
        try {
            streams.start();
        } catch (ProcessorStateException unreadableState) {
            service.closeAfterFailedStart();
            try {
                streams.cleanUp();
            } catch (RuntimeException notDeleted) {
                // The state stays unreadable; the start fails with its cause, not with the failed deletion.
                unreadableState.addSuppressed(notDeleted);
                throw new IllegalStateException(
                        config.serviceName() + ": cannot delete its unreadable local state in " + config.stateDir(),
                        unreadableState);
            }
            LOG.warn(
                    "{}: its local state in {} could not be opened ({}); deleted it, restoring from the changelogs",
                    config.serviceName(),
                    config.stateDir(),
                    unreadableState.getMessage());
            throw unreadableState;
        }
        LOG.info("{} started: Kafka {}, HTTP port {}", config.serviceName(), config.bootstrapServers(), http.port());
        return service;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public OpsHttpServer http() {
        return http;
    }

    /** Blocks until Kafka Streams has stopped, by {@link #close()} or by a fatal error. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Whether Streams stopped because of an error rather than a requested shutdown. */
    public boolean failed() {
        return failed;
    }

    /** Runs until SIGTERM, then stops gracefully; exits non-zero if Streams died of an error. */
    public void runUntilShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, config.serviceName() + "-shutdown"));
        try {
            awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed) {
            close();
            System.exit(1);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("{} stopping (at most {})", config.serviceName(), config.shutdownTimeout());
        // Leaving the group hands this instance's partitions to the others at once instead of after the session
        // timeout.
        boolean clean = streams.close(CloseOptions.timeout(config.shutdownTimeout())
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!clean) {
            LOG.warn("{}: Kafka Streams did not stop within {}", config.serviceName(), config.shutdownTimeout());
        }
        streamsMetrics.close();
        hangingTransactions.close();
        http.close();
        metrics.close();
        stopped.countDown();
    }

    /** Releases what a start that failed had opened, but not the meter registry, which the next start reuses. */
    private void closeAfterFailedStart() {
        closed.set(true);
        streams.close(config.shutdownTimeout());
        streamsMetrics.close();
        hangingTransactions.close();
        http.close();
    }

    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaughtException(Throwable error) {
        // Poison records never get here (the dead-letter handler takes them); this is a bug or lost state.
        LOG.error(
                "{}: unrecoverable error in a stream thread; stopping so a supervisor restarts it",
                config.serviceName(),
                error);
        failed = true;
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private void onStateChange(KafkaStreams.State now, KafkaStreams.State before) {
        LOG.info("{}: Kafka Streams {} -> {}", config.serviceName(), before, now);
        if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            stopped.countDown();
        }
    }
}
