package dev.troupe.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Counts and times every record a processor handles, by the topic it came from, and makes it the current record. */
final class MeasuredProcessor<V> implements Processor<String, V, String, Object> {
    private final Processor<String, V, String, Object> delegate;
    private final MeterRegistry registry;
    private final Map<String, Meters> metersByTopic = new HashMap<>();

    private record Meters(Counter consumed, Timer processing) {}

    private ProcessorContext<String, Object> context;

    MeasuredProcessor(Processor<String, V, String, Object> delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.registry = meters;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        delegate.init(context);
    }

    @Override
    public void process(Record<String, V> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("none");
        Meters meters = metersByTopic.computeIfAbsent(topic, this::metersFor);
        meters.consumed().increment();
        meters.processing().record(() -> {
            CurrentRecord.enter(record.key(), record.headers());
            try {
                delegate.process(record);
            } finally {
                CurrentRecord.leave();
            }
        });
    }

    /** Looked up once per input topic, not once per record: this is the hot path. */
    private Meters metersFor(String topic) {
        return new Meters(
                Counter.builder("troupe.events.consumed")
                        .description("Records processed, by input topic")
                        .tag("topic", topic)
                        .register(registry),
                Timer.builder("troupe.processing")
                        .description("Time to process one record, by input topic")
                        .tag("topic", topic)
                        .publishPercentileHistogram()
                        .register(registry));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
