package dev.troupe.runtime;

import dev.troupe.events.EventMeta;
import org.apache.avro.specific.SpecificRecord;

/** Every event is keyed by its order id; a record whose key says otherwise is rejected, not guessed at. */
public final class OrderKeys {
    public static final String KEY_MISMATCH = "KEY_MISMATCH";

    private OrderKeys() {}

    public static EventMeta checkedMeta(String key, SpecificRecord event) {
        EventMeta meta = Events.meta(event);
        if (key == null || !key.equals(meta.getOrderId())) {
            throw new RejectedEventException(
                    KEY_MISMATCH, "record key " + key + " is not the event's order id " + meta.getOrderId());
        }
        return meta;
    }
}
