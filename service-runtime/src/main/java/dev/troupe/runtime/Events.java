package dev.troupe.runtime;

import dev.troupe.events.DerivedIds;
import dev.troupe.events.EventMeta;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Event identity. Ids are derived from what caused an event, so a replayed or repeated step produces the
 * same event id and a duplicate is recognisable downstream.
 */
public final class Events {
    private Events() {}

    public static EventMeta meta(SpecificRecord event) {
        return (EventMeta) ((GenericRecord) event).get("meta");
    }

    /** Metadata of an event caused by {@code cause}, written now by {@code source}. */
    public static EventMeta causedBy(EventMeta cause, String topic, String source, long nowMillis) {
        return new EventMeta(
                derivedId(cause.getEventId(), topic),
                cause.getOrderId(),
                cause.getEventId(),
                instant(nowMillis),
                source);
    }

    /** Metadata of an event caused by the event {@code causeEventId} of the order, seen earlier. */
    public static EventMeta causedBy(String causeEventId, String orderId, String topic, String source, long nowMillis) {
        return new EventMeta(derivedId(causeEventId, topic), orderId, causeEventId, instant(nowMillis), source);
    }

    /** Metadata of an event that starts an order or has no single cause (a timeout). */
    public static EventMeta uncaused(String orderId, String topic, String source, long nowMillis) {
        return new EventMeta(derivedId(orderId, topic), orderId, null, instant(nowMillis), source);
    }

    public static String derivedId(String basis, String topic) {
        return DerivedIds.of(basis, topic).toString();
    }

    private static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
