package dev.troupe.runtime;

import dev.troupe.events.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** What a processor sends: events keyed by their order id, and the service's own commands to its topics. */
public final class Outputs {
    private final ProcessorContext<String, Object> context;

    public Outputs(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    public void event(Topic<?> topic, SpecificRecord event) {
        context.forward(
                new Record<>(Events.meta(event).getOrderId(), (Object) event, context.currentSystemTimeMs()),
                EventTopology.sinkOf(topic.name()));
    }

    public void command(String topic, String key, Object command) {
        context.forward(new Record<>(key, command, context.currentSystemTimeMs()), EventTopology.sinkOf(topic));
    }

    /** The topic of the record being processed. */
    public String currentTopic() {
        return context.recordMetadata().map(m -> m.topic()).orElse("unknown");
    }

    public long now() {
        return context.currentSystemTimeMs();
    }
}
