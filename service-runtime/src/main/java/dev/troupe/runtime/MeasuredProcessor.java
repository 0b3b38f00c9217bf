package dev.troupe.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Counts and times every record a processor handles, by the topic it came from, and makes it the current record. */
final class MeasuredProcessor<V> implements Processor<String, V, String, Object> {
    private final Processor<String, V, String, Object> delegate;
    private final MeterRegistry meters;
    private ProcessorContext<String, Object> context;

    MeasuredProcessor(Processor<String, V, String, Object> delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        delegate.init(context);
    }

    @Override
    public void process(Record<String, V> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("none");
        Counter.builder("troupe.events.consumed")
                .description("Records processed, by input topic")
                .tag("topic", topic)
                .register(meters)
                .increment();
        Timer.builder("troupe.processing")
                .description("Time to process one record, by input topic")
                .tag("topic", topic)
                .publishPercentileHistogram()
                .register(meters)
                .record(() -> {
                    CurrentRecord.enter(record.key(), record.headers());
                    try {
                        delegate.process(record);
                    } finally {
                        CurrentRecord.leave();
                    }
                });
    }

    @Override
    public void close() {
        delegate.close();
    }
}
