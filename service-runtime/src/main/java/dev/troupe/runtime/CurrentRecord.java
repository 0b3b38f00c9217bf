package dev.troupe.runtime;

import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The record a stream thread is processing: its trace context, for the events it causes, and the order and
 * trace ids in the log's MDC. Streams processes one record at a time per thread, so a thread-local is exact.
 */
public final class CurrentRecord {
    private static final ThreadLocal<TraceContext> TRACE = new ThreadLocal<>();

    private CurrentRecord() {}

    static void enter(String orderId, Headers headers) {
        TraceContext trace = TraceContext.from(headers).orElse(null);
        TRACE.set(trace);
        MDC.put("orderId", orderId == null ? "-" : orderId);
        MDC.put("traceId", trace == null ? "-" : trace.traceId());
    }

    static void leave() {
        TRACE.remove();
        MDC.remove("orderId");
        MDC.remove("traceId");
    }

    /** The trace of the record being processed, if it carried one. */
    public static Optional<TraceContext> trace() {
        return Optional.ofNullable(TRACE.get());
    }
}
