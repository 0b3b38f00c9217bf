package dev.troupe.registry.serde;

import dev.troupe.registry.client.RegisteredSchema;
import dev.troupe.registry.client.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in the Confluent wire format, registering or looking up the
 * record's schema under the topic-name subject. Thread-safe: Kafka Streams shares one instance between
 * stream threads.
 */
public class AvroSerializer<T> implements Serializer<T> {
    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    /**
     * The id and writer of the schema last written, for the topic last written: Kafka Streams gives each sink its
     * own serializer, whose records nearly always share one schema instance, and looking the id up in the
     * registry client's cache and the writer in the map above cost a third of serializing a record.
     */
    private volatile Prepared last;

    private record Prepared(String topic, Schema schema, int id, DatumWriter<Object> writer) {
        boolean isFor(String topic, Schema schema) {
            return this.schema == schema && this.topic.equals(topic);
        }
    }

    /** Per thread, reused: the encoder buffers what it writes, so the output sees one write per record. */
    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
    }

    /** For Kafka's reflective construction; the client is made from {@code schema.registry.url}. */
    public AvroSerializer() {}

    /** With a shared client, so every serde of a process uses one cache. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs, isKey);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClient.of(config.requireRegistryUrl());
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException(
                    "Cannot serialize a " + data.getClass().getName() + " for topic " + topic
                            + ": only Avro records (specific or generic) are supported");
        }
        ensureConfigured();
        try {
            Schema schema = record.getSchema();
            if (config.useLatestVersion()) {
                RegisteredSchema latest = client.latest(WireFormat.subject(topic, isKey));
                Object datum = latest.schema().equals(schema) ? data : convert(data, schema, latest.schema());
                return frame(latest.id(), writerFor(latest.schema(), datum), datum);
            }
            Prepared prepared = last;
            if (prepared == null || !prepared.isFor(topic, schema)) {
                String subject = WireFormat.subject(topic, isKey);
                int id = config.autoRegisterSchemas() ? client.register(subject, schema) : client.idOf(subject, schema);
                prepared = new Prepared(topic, schema, id, writerFor(schema, data));
                last = prepared;
            }
            return frame(prepared.id(), prepared.writer(), data);
        } catch (RuntimeException | IOException e) {
            throw new SerializationException(
                    "Error serializing Avro record for topic " + topic + " (subject " + WireFormat.subject(topic, isKey)
                            + "): "
                            + e.getMessage(),
                    e);
        }
    }

    private void ensureConfigured() {
        if (config == null) {
            configure(Map.of(), false);
        }
    }

    private static byte[] frame(int id, DatumWriter<Object> writer, Object datum) throws IOException {
        Output output = OUTPUT.get();
        ByteArrayOutputStream out = output.bytes;
        // Reconfigured before the reset: a reused encoder first flushes whatever a failed write left in it.
        output.encoder = EncoderFactory.get().binaryEncoder(out, output.encoder);
        out.reset();
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        writer.write(datum, output.encoder);
        output.encoder.flush();
        return out.toByteArray();
    }

    /** Re-expresses a record in the registry's latest schema through Avro schema resolution. */
    private Object convert(Object datum, Schema own, Schema latest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        writerFor(own, datum).write(datum, encoder);
        encoder.flush();
        return new GenericDatumReader<>(own, latest)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writerFor(Schema schema, Object datum) {
        return writers.computeIfAbsent(
                schema,
                s -> datum instanceof SpecificRecord specific
                        ? (DatumWriter<Object>) (DatumWriter<?>)
                                new SpecificDatumWriter<>(s, SpecificData.getForClass(specific.getClass()))
                        : new GenericDatumWriter<>(s, GenericData.get()));
    }
}
