package dev.troupe.inventory.domain;

import java.util.Map;
import java.util.TreeMap;

/** The inventory service's view of one order. Changed only through {@link ReservationRules}. */
public final class Reservation {
    public String orderId;
    /** Quantity per SKU, summed over the order's lines; null until order.created is seen. */
    public Map<String, Integer> items;

    public String paidEventId;
    public ReservationStatus status = ReservationStatus.NONE;
    /** The answers of the SKUs asked to hold stock, by SKU. */
    public Map<String, StockResult> answers = new TreeMap<>();
    /** SKUs asked to give their stock back and not yet done. */
    public Map<String, Integer> releasing = new TreeMap<>();

    public boolean reservedPublished;
    public String undoReason;
    public String undoEventId;

    public Reservation() {}

    public Reservation(String orderId) {
        this.orderId = orderId;
    }
}
