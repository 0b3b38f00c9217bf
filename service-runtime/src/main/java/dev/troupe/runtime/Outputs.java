package dev.troupe.runtime;

import dev.troupe.events.EventMeta;
import dev.troupe.events.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** What a processor sends: events keyed by their order id, and the service's own commands to its topics. */
public final class Outputs {
    private final ProcessorContext<String, Object> context;

    public Outputs(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    /** Sends an event in the trace of the record being processed (or of its order), as a span of its own. */
    public void event(Topic<?> topic, SpecificRecord event) {
        event(topic, event, CurrentRecord.trace().map(TraceContext::traceId).orElse(null));
    }

    /** Sends an event in the given trace (null: the order's own), for events caused outside a record (timers). */
    public void event(Topic<?> topic, SpecificRecord event, String traceId) {
        EventMeta meta = Events.meta(event);
        Headers headers = new RecordHeaders();
        String parentSpan = meta.getCausationId() == null
                ? CurrentRecord.trace().map(TraceContext::spanId).orElse(null)
                : TraceContext.spanIdOf(meta.getCausationId());
        new TraceContext(
                        traceId != null ? traceId : TraceContext.traceIdOf(meta.getOrderId()),
                        TraceContext.spanIdOf(meta.getEventId()))
                .writeTo(headers, parentSpan);
        context.forward(
                new Record<>(meta.getOrderId(), (Object) event, context.currentSystemTimeMs(), headers),
                EventTopology.sinkOf(topic.name()));
    }

    /** Sends a command on the service's own topic; it stays in the span of the record that caused it. */
    public void command(String topic, String key, Object command) {
        Headers headers = new RecordHeaders();
        CurrentRecord.trace()
                .ifPresent(trace -> headers.add(
                        TraceContext.TRACEPARENT,
                        trace.traceparent().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        context.forward(
                new Record<>(key, command, context.currentSystemTimeMs(), headers), EventTopology.sinkOf(topic));
    }

    /** The topic of the record being processed. */
    public String currentTopic() {
        return context.recordMetadata().map(m -> m.topic()).orElse("unknown");
    }

    public long now() {
        return context.currentSystemTimeMs();
    }
}
