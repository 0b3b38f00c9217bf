package dev.troupe.events;

import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/** Each event in a few words, for timelines, traces and the CLI: what matters about it, not every field. */
public final class EventText {
    private EventText() {}

    /** Minor units shown as an amount: 7499 EUR is "74.99 EUR". */
    public static String money(long minorUnits, String currency) {
        // Not String.format: every event of an order is summarized in its timeline.
        long cents = Math.abs(minorUnits % 100);
        return (minorUnits / 100) + (cents < 10 ? ".0" : ".") + cents + " " + currency;
    }

    public static String summary(SpecificRecord event) {
        if (event instanceof OrderCreated c) {
            return c.getItems().size() + " line(s), " + money(c.getTotalCents(), c.getCurrency()) + ", to "
                    + c.getShippingAddress().getCountry();
        }
        if (event instanceof PaymentCompleted c) {
            return "charged " + money(c.getAmountCents(), c.getCurrency());
        }
        if (event instanceof PaymentFailed f) {
            return f.getReason();
        }
        if (event instanceof PaymentRefunded r) {
            return "refunded " + money(r.getAmountCents(), r.getCurrency()) + " (" + r.getReason() + ")";
        }
        if (event instanceof InventoryReserved r) {
            return "reserved " + r.getItems().size() + " SKU(s)";
        }
        if (event instanceof InventoryFailed f) {
            return f.getReason() + ": " + shortages(f);
        }
        if (event instanceof InventoryReleased r) {
            return "released (" + r.getReason() + ")";
        }
        if (event instanceof ShipmentCreated s) {
            return s.getCarrier() + " " + s.getTrackingNumber();
        }
        if (event instanceof ShipmentFailed f) {
            return f.getReason();
        }
        if (event instanceof ShipmentCancelled c) {
            return "cancelled (" + c.getReason() + ")";
        }
        if (event instanceof OrderCompleted c) {
            return "completed, tracking " + c.getTrackingNumber();
        }
        if (event instanceof OrderCancelled c) {
            return "cancelled: " + c.getReason();
        }
        if (event instanceof NotificationSent n) {
            return n.getTemplate() + " to " + n.getRecipient();
        }
        return event.getSchema().getName();
    }

    public static String shortages(InventoryFailed failed) {
        return failed.getUnavailable().stream().map(Shortage::getSku).collect(Collectors.joining(", "));
    }
}
