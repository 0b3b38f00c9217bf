package dev.troupe.devstack;

import dev.troupe.registry.server.KafkaSchemaLog;
import dev.troupe.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Kafka broker and the schema registry on it: what the services need to run. It owns both and stops
 * them on {@link #close()}, the registry first.
 */
public final class DevStack implements AutoCloseable {
    private final RunningBroker broker;
    private final SchemaRegistryServer registry;
    private final Path deleteOnClose;

    private DevStack(RunningBroker broker, SchemaRegistryServer registry, Path deleteOnClose) {
        this.broker = broker;
        this.registry = registry;
        this.deleteOnClose = deleteOnClose;
    }

    /** A throw-away stack for tests: in-process broker on free ports, data in a temporary directory. */
    public static DevStack startEphemeral() {
        try {
            Path dataDir = Files.createTempDirectory("troupe-kafka-");
            KafkaBroker broker = KafkaBroker.start(new BrokerSettings(0, 0, dataDir, "127.0.0.1"));
            return new DevStack(broker, startRegistry(broker.bootstrapServers(), 0), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Kafka data directory", e);
        }
    }

    /** A stack on a broker started elsewhere (a child process, a container); the broker is closed with it. */
    public static DevStack onBroker(RunningBroker broker, int registryPort) {
        try {
            return new DevStack(broker, startRegistry(broker.bootstrapServers(), registryPort), null);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public static SchemaRegistryServer startRegistry(String bootstrapServers, int port) {
        try {
            return SchemaRegistryServer.start(
                    new InetSocketAddress("127.0.0.1", port),
                    new KafkaSchemaLog(
                            bootstrapServers, KafkaSchemaLog.DEFAULT_TOPIC, (short) 1, Duration.ofSeconds(30)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry on port " + port, e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url().toString();
    }

    public RunningBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
            deleteQuietly(deleteOnClose);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Directories.delete(dir);
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
