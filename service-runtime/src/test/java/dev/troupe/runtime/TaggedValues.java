package dev.troupe.runtime;

/** For the services' codec tests: a value through a tagged serde, and one an earlier version wrote as JSON. */
public final class TaggedValues {
    private static final String TOPIC = "values";

    private TaggedValues() {}

    public static <T> T roundTrip(TaggedSerde<T> serde, T value) {
        return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, value));
    }

    /** The value written as JSON, as an earlier version stored or sent it, then read by the tagged serde. */
    public static <T> T readFromJson(TaggedSerde<T> serde, Class<T> type, T value) {
        return serde.deserializer()
                .deserialize(TOPIC, new JsonSerde<>(type).serializer().serialize(TOPIC, value));
    }
}
