package dev.troupe.cli.check;

import dev.troupe.events.EventMeta;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/** An event as read from its topic, with where it was. */
public record ObservedEvent(String topic, int partition, long offset, long timestamp, SpecificRecord event) {
    public EventMeta meta() {
        return (EventMeta) ((GenericRecord) event).get("meta");
    }

    public String orderId() {
        return meta().getOrderId();
    }
}
