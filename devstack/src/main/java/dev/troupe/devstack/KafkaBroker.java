package dev.troupe.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in this JVM: one node in KRaft combined mode (broker and controller), the same
 * version as the clients. The data directory is formatted on first use and reused afterwards.
 */
public final class KafkaBroker implements RunningBroker {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerSettings settings;
    private final KafkaRaftServer server;

    private KafkaBroker(BrokerSettings settings, KafkaRaftServer server) {
        this.settings = settings;
        this.server = server;
    }

    public static KafkaBroker start(BrokerSettings requested) {
        BrokerSettings settings = requested.withFreePorts();
        Map<String, Object> config = config(settings);
        format(settings);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(settings, server);
        BrokerReadiness.await(settings.bootstrapServers(), READY_TIMEOUT, () -> true);
        LOG.info("Kafka broker ready on {} (data in {})", settings.bootstrapServers(), settings.dataDir());
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Map<String, Object> config(BrokerSettings s) {
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + s.controllerPort());
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + s.port() + ",CONTROLLER://127.0.0.1:" + s.controllerPort());
        config.put("advertised.listeners", "PLAINTEXT://" + s.bootstrapServers());
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", s.dataDir().toAbsolutePath().toString());
        // A single node: every internal topic has one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than a production cluster: faster start, same semantics on one node.
        config.put("offsets.topic.num.partitions", "10");
        config.put("transaction.state.log.num.partitions", "10");
        // Consumer groups start at once instead of waiting 3 s for more members that never come.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Every topic is created on purpose, with its partitions; a typo never makes a new one.
        config.put("auto.create.topics.enable", "false");
        return config;
    }

    private static void format(BrokerSettings s) {
        if (Files.exists(s.dataDir().resolve("meta.properties"))) {
            return; // formatted before: keep its cluster id, topics and records
        }
        try {
            Files.createDirectories(s.dataDir());
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(s.dataDir().toAbsolutePath().toString()))
                    .setMetadataLogDirectory(s.dataDir().toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName("CONTROLLER");
            formatter.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + s.dataDir(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka data directory " + s.dataDir(), e);
        }
    }
}
