package dev.troupe.runtime;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context on events. All events of an order share one trace id — the caller's, when the order came
 * in with a {@code traceparent}, otherwise one derived from the order id. Each event is a span whose id is
 * derived from its event id, and whose parent is the span of the event that caused it (carried in
 * {@code tracestate} as {@code troupe=<parent span id>}). Derived ids make a replayed hop the same span.
 */
public record TraceContext(String traceId, String spanId) {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** Version 00 of the W3C header: {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. */
    private static final String VERSION = "00-";

    private static final int TRACE_ID_START = VERSION.length();
    private static final int SPAN_ID_START = TRACE_ID_START + 32 + 1;
    private static final int FLAGS_START = SPAN_ID_START + 16 + 1;
    private static final int TRACEPARENT_LENGTH = FLAGS_START + 2;
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The trace and span of a {@code traceparent} of version 00, in lower-case hex; empty for anything else. Read
     * by hand, not by a regular expression: every event a service reads has one.
     */
    public static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        String text = traceparent.trim();
        boolean wellFormed = text.length() == TRACEPARENT_LENGTH
                && text.startsWith(VERSION)
                && isLowerHex(text, TRACE_ID_START, SPAN_ID_START - 1)
                && text.charAt(SPAN_ID_START - 1) == '-'
                && isLowerHex(text, SPAN_ID_START, FLAGS_START - 1)
                && text.charAt(FLAGS_START - 1) == '-'
                && isLowerHex(text, FLAGS_START, TRACEPARENT_LENGTH);
        return wellFormed
                ? Optional.of(new TraceContext(
                        text.substring(TRACE_ID_START, SPAN_ID_START - 1),
                        text.substring(SPAN_ID_START, FLAGS_START - 1)))
                : Optional.empty();
    }

    private static boolean isLowerHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public static Optional<TraceContext> from(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(TRACEPARENT);
        return header == null ? Optional.empty() : parse(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** A new trace, as the API starts one for a caller that sent none. */
    public static TraceContext random() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return new TraceContext(HEX.formatHex(trace), HEX.formatHex(span));
    }

    /** The trace of an order that arrived without one. */
    public static String traceIdOf(String orderId) {
        return HEX.formatHex(digest("trace|" + orderId), 0, 16);
    }

    /** The span of an event. */
    public static String spanIdOf(String eventId) {
        return HEX.formatHex(digest("span|" + eventId), 0, 8);
    }

    public String traceparent() {
        return VERSION + traceId + "-" + spanId + "-01";
    }

    /** Writes this span, with its parent span if it has one, into the headers. */
    public void writeTo(Headers headers, String parentSpanId) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        headers.add(TRACEPARENT, traceparent().getBytes(StandardCharsets.UTF_8));
        if (parentSpanId != null) {
            headers.add(TRACESTATE, ("troupe=" + parentSpanId).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] digest(String text) {
        return Digests.sha256(text);
    }
}
