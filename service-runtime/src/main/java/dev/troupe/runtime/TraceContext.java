package dev.troupe.runtime;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
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
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(traceparent.trim());
        return matcher.matches() ? Optional.of(new TraceContext(matcher.group(1), matcher.group(2))) : Optional.empty();
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
        return "00-" + traceId + "-" + spanId + "-01";
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
