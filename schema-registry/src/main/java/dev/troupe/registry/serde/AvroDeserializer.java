package dev.troupe.registry.serde;

import dev.troupe.registry.client.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro. The writer's schema comes from the registry by id; the reader's schema is
 * the target class's (specific) or the writer's (generic), and Avro schema resolution bridges the two, so
 * records written with an older or newer compatible schema are read. Anything that is not a well-formed
 * record fails with a {@link SerializationException} naming the topic — never a silent null.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    private SchemaRegistryClient client;
    private Class<? extends SpecificRecord> targetType;
    private boolean specificReader;

    private record ReaderKey(int writerId, Schema readerSchema) {}

    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; the client is made from {@code schema.registry.url}. */
    public AvroDeserializer() {}

    /** With a shared client; a non-null target type always reads as that specific class. */
    public AvroDeserializer(SchemaRegistryClient client, Class<? extends SpecificRecord> targetType) {
        this.client = client;
        this.targetType = targetType;
        this.specificReader = targetType != null;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs, isKey);
        specificReader = targetType != null || config.specificAvroReader();
        if (client == null) {
            client = SchemaRegistryClient.of(config.requireRegistryUrl());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < WireFormat.HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize record of topic " + topic + ": " + bytes.length
                    + " bytes is too short for the Confluent wire format (at least " + WireFormat.HEADER_SIZE + ")");
        }
        if (bytes[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("Cannot deserialize record of topic " + topic + ": unknown magic byte 0x"
                    + String.format("%02x", bytes[0]) + " (expected 0x00, the Confluent wire format)");
        }
        int id = WireFormat.schemaId(bytes);
        Schema writer;
        try {
            writer = client.schemaById(id);
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "Cannot deserialize record of topic " + topic + ": schema id " + id + " could not be fetched: "
                            + e.getMessage(),
                    e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null);
            Object value = readerFor(id, writer).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("trailing bytes after the record");
            }
            return (T) value;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot deserialize record of topic " + topic + " with schema id " + id + " ("
                            + writer.getFullName() + "): " + e.getMessage(),
                    e);
        }
    }

    private DatumReader<Object> readerFor(int writerId, Schema writer) {
        Class<?> specificClass = specificReader ? specificClass(writer) : null;
        Schema reader = specificClass == null ? writer : SpecificData.get().getSchema(specificClass);
        return readers.computeIfAbsent(
                new ReaderKey(writerId, reader),
                key -> specificClass == null
                        ? new GenericDatumReader<>(writer, reader, GenericData.get())
                        : new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(specificClass)));
    }

    private Class<?> specificClass(Schema writer) {
        if (targetType != null) {
            return targetType;
        }
        Class<?> found = SpecificData.get().getClass(writer);
        if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
            throw new SerializationException(
                    "No specific class " + writer.getFullName()
                            + " on the classpath for the writer's schema; set specific.avro.reader=false to read generic records");
        }
        return found;
    }
}
