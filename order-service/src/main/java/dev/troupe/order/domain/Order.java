package dev.troupe.order.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The order service's view of one order: its status, what each service did for it, and its timeline. Plain
 * mutable state, owned by one stream task at a time; changed only through {@link OrderRules}.
 */
public final class Order {
    public String orderId;
    public String customerId;
    public String email;
    public long totalCents;
    public String currency;
    public String country;
    /** eventId of the order.created, once seen; the clock of the order timeout starts with it. */
    public String createdEventId;
    /** The trace every event of the order belongs to (W3C trace id). */
    public String traceId;

    public long startedAt;
    public OrderStatus status = OrderStatus.PENDING;
    public String reason;
    public String message;
    public Compensations.Payment payment = Compensations.Payment.NONE;
    public Compensations.Stock stock = Compensations.Stock.NONE;
    public Compensations.Shipment shipment = Compensations.Shipment.NONE;
    public String shipmentId;
    public String trackingNumber;
    public long finishedAt;
    public List<TimelineEntry> timeline = new ArrayList<>();

    public Order() {}

    public Order(String orderId, long startedAt) {
        this.orderId = orderId;
        this.startedAt = startedAt;
    }

    public boolean terminal() {
        return status.terminal();
    }

    public boolean saw(String eventId) {
        return timeline.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }
}
