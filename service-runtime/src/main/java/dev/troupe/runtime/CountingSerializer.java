package dev.troupe.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Counts what a service writes, by topic — and, for the topics that undo a step, the compensation itself.
 * Streams serializes each record it sends exactly once, so this counts each event once.
 */
final class CountingSerializer<V> implements Serializer<V> {
    private static final Map<String, String> COMPENSATIONS = Map.of(
            "payment.refunded",
            "refund",
            "inventory.released",
            "release",
            "shipment.cancelled",
            "shipment_cancellation");

    private final Serializer<V> delegate;
    private final Counter produced;
    private final Counter compensation;

    CountingSerializer(Serializer<V> delegate, String topic, MeterRegistry meters) {
        this.delegate = delegate;
        this.produced = Counter.builder("troupe.events.produced")
                .description("Records written, by topic")
                .tag("topic", topic)
                .register(meters);
        String kind = COMPENSATIONS.get(topic);
        this.compensation = kind == null
                ? null
                : Counter.builder("troupe.compensations")
                        .description("Steps undone, by kind")
                        .tag("kind", kind)
                        .register(meters);
    }

    @Override
    public byte[] serialize(String topic, V data) {
        byte[] bytes = delegate.serialize(topic, data);
        produced.increment();
        if (compensation != null) {
            compensation.increment();
        }
        return bytes;
    }
}
