package dev.troupe.events;

import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.serde.AvroSerde;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One event topic: its name, its key (the order id, a string) and its value (one Avro record type, in the
 * Confluent wire format under the subject {@code <name>-value}).
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType) {

    public Schema valueSchema() {
        return SpecificData.get().getSchema(valueType);
    }

    public String valueSubject() {
        return name + "-value";
    }

    /** Where records of this topic that cannot be processed are kept, unchanged. */
    public String deadLetterTopic() {
        return name + ".dlq";
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** A value serde sharing the given client (and so its cache of schemas and ids). */
    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return AvroSerde.specific(valueType, registry);
    }
}
