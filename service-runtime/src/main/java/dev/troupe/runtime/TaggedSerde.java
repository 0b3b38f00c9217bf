package dev.troupe.runtime;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Tagged binary fields for the values a service reads and writes on every event: its state and its internal
 * commands, where JSON was the service's largest cost of its own (docs/adr/0010, 0011). The first byte says the
 * format: a value written as JSON by an earlier version (it starts with {@code '{'}) is still read, and the next
 * write turns it into tagged fields.
 */
public final class TaggedSerde<T> implements Serde<T> {
    static final byte FORMAT = 1;
    private static final byte JSON_OBJECT = '{';

    private final Class<T> type;
    private final TaggedCodec<T> codec;
    private final Deserializer<T> json;

    public TaggedSerde(Class<T> type, TaggedCodec<T> codec) {
        this.type = type;
        this.codec = codec;
        this.json = new JsonSerde<>(type).deserializer();
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            TaggedOutput out = new TaggedOutput(FORMAT);
            codec.write(value, out);
            return out.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == JSON_OBJECT) {
                return json.deserialize(topic, bytes);
            }
            if (bytes.length == 0 || bytes[0] != FORMAT) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + topic
                        + ": it starts with neither the tagged format's byte nor a JSON object");
            }
            try {
                return codec.read(new TaggedInput(bytes, 1, bytes.length));
            } catch (RuntimeException e) {
                throw new SerializationException(
                        "Cannot read " + type.getSimpleName() + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
