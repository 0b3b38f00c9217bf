package dev.troupe.runtime;

import dev.troupe.events.Topic;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.serde.AvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * Wires one processor to event topics: a source per input topic (each with its record type's serde), a sink
 * per output topic. A processor sends an event with {@code context.forward(record, EventTopology.sinkOf(topic))}.
 */
public final class EventTopology {
    private final Topology topology = new Topology();
    private final SchemaRegistryClient registry;
    private final MeterRegistry meters;
    private final Set<String> inputs = new LinkedHashSet<>();
    private final Set<String> outputs = new LinkedHashSet<>();

    public EventTopology(SchemaRegistryClient registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    public MeterRegistry meters() {
        return meters;
    }

    public static String sinkOf(String topic) {
        return "to-" + topic;
    }

    /** Adds a processor fed by the given event topics; returns its name for stores and sinks. */
    public String processor(
            String name,
            ProcessorSupplier<String, SpecificRecord, String, Object> supplier,
            List<? extends Topic<?>> from) {
        List<String> sources = new ArrayList<>();
        for (Topic<?> topic : from) {
            String source = "from-" + topic.name();
            topology.addSource(
                    source,
                    Serdes.String().deserializer(),
                    topic.valueSerde(registry).deserializer(),
                    topic.name());
            sources.add(source);
            inputs.add(topic.name());
        }
        topology.addProcessor(name, measured(supplier), sources.toArray(String[]::new));
        return name;
    }

    /** A processor fed by one internal topic of the service's own, with a JSON or other serde. */
    public <V> String processor(
            String name, ProcessorSupplier<String, V, String, Object> supplier, String topic, Serde<V> serde) {
        String source = "from-" + topic;
        topology.addSource(source, Serdes.String().deserializer(), serde.deserializer(), topic);
        inputs.add(topic);
        topology.addProcessor(name, measured(supplier), source);
        return name;
    }

    /** Lets the {@code parents} forward to an event topic. */
    public void sendsTo(Topic<?> topic, String... parents) {
        topology.addSink(
                sinkOf(topic.name()),
                topic.name(),
                Serdes.String().serializer(),
                new CountingSerializer<>(new AvroSerializer<SpecificRecord>(registry), topic.name(), meters),
                parents);
        outputs.add(topic.name());
    }

    /** Lets the {@code parents} forward to an internal topic of the service, written with the given serde. */
    public <V> void sendsTo(String topic, Serde<V> serde, String... parents) {
        topology.addSink(
                sinkOf(topic),
                topic,
                Serdes.String().serializer(),
                new CountingSerializer<>(serde.serializer(), topic, meters),
                parents);
        outputs.add(topic);
    }

    private <V> ProcessorSupplier<String, V, String, Object> measured(
            ProcessorSupplier<String, V, String, Object> supplier) {
        return () -> new MeasuredProcessor<>(supplier.get(), meters);
    }

    public Topology topology() {
        return topology;
    }

    public ServiceTopics topics() {
        return new ServiceTopics(inputs, outputs);
    }
}
