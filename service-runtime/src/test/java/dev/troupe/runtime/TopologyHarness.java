package dev.troupe.runtime;

import dev.troupe.events.Topic;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.server.InMemorySchemaLog;
import dev.troupe.registry.server.SchemaRegistryServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A service topology under {@link TopologyTestDriver}, with the real registry server (in memory) behind its
 * serdes and the service's real Streams settings. Events are piped in keyed by their order id.
 */
public final class TopologyHarness implements AutoCloseable {
    private final SchemaRegistryServer registryServer;
    private final SchemaRegistryClient registry;
    private final TopologyTestDriver driver;

    private TopologyHarness(
            SchemaRegistryServer registryServer, SchemaRegistryClient registry, TopologyTestDriver driver) {
        this.registryServer = registryServer;
        this.registry = registry;
        this.driver = driver;
    }

    public static TopologyHarness start(
            String service, Function<SchemaRegistryClient, EventTopology> build, Path stateDir, Instant wallClock) {
        try {
            SchemaRegistryServer server =
                    SchemaRegistryServer.start(new InetSocketAddress("127.0.0.1", 0), new InMemorySchemaLog());
            SchemaRegistryClient registry = SchemaRegistryClient.of(server.url().toString());
            EventTopology topology = build.apply(registry);
            ServiceConfig config = ServiceConfig.fromEnv(
                    new Env(Map.of("SCHEMA_REGISTRY_URL", server.url().toString(), "STATE_DIR", stateDir.toString())),
                    service,
                    0);
            Properties props = StreamsSettings.of(config, topology.topics().inputs(), new SimpleMeterRegistry());
            return new TopologyHarness(server, registry, new TopologyTestDriver(topology.topology(), props, wallClock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public <V extends SpecificRecord> void pipe(Topic<V> topic, V event) {
        driver.createInputTopic(
                        topic.name(),
                        Serdes.String().serializer(),
                        topic.valueSerde(registry).serializer())
                .pipeInput(Events.meta(event).getOrderId(), event);
    }

    public <V> void pipe(String topic, String key, V value, Serde<V> serde) {
        driver.createInputTopic(topic, Serdes.String().serializer(), serde.serializer())
                .pipeInput(key, value);
    }

    /** Everything written to the topic since the last read. */
    public <V extends SpecificRecord> List<V> read(Topic<V> topic) {
        return driver.createOutputTopic(
                        topic.name(),
                        Serdes.String().deserializer(),
                        topic.valueSerde(registry).deserializer())
                .readValuesToList();
    }

    public <V> List<KeyValue<String, V>> read(String topic, Serde<V> serde) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), serde.deserializer())
                .readKeyValuesToList();
    }

    public void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    public <K, V> KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
        registryServer.close();
    }
}
