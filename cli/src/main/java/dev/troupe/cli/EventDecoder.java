package dev.troupe.cli;

import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.serde.AvroDeserializer;
import dev.troupe.registry.serde.AvroSerdeConfig;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Decodes raw records of the event topics into their event classes. */
final class EventDecoder {
    private final AvroDeserializer<SpecificRecord> deserializer;

    EventDecoder(SchemaRegistryClient registry) {
        deserializer = new AvroDeserializer<>(registry, null);
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
    }

    /** The event, or throws with the reason it does not decode. */
    ObservedEvent decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("no value (a tombstone)");
        }
        return new ObservedEvent(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                deserializer.deserialize(record.topic(), record.value()));
    }
}
