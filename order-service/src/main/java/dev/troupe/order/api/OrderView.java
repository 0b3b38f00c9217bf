package dev.troupe.order.api;

import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@code GET /orders/{id}} shows of an order. */
public record OrderView(
        String orderId,
        String status,
        String reason,
        String message,
        String customerId,
        long totalCents,
        String currency,
        Map<String, String> compensations,
        String shipmentId,
        String trackingNumber,
        List<Step> timeline) {

    public record Step(
            String topic, String occurredAt, String source, String eventId, String causationId, String summary) {}

    public static OrderView of(Order order) {
        return new OrderView(
                order.orderId,
                order.status.name(),
                order.reason,
                order.message,
                order.customerId,
                order.totalCents,
                order.currency,
                Map.of(
                        "payment",
                        order.payment.name(),
                        "inventory",
                        order.stock.name(),
                        "shipment",
                        order.shipment.name()),
                order.shipmentId,
                order.trackingNumber,
                order.timeline.stream().map(OrderView::step).toList());
    }

    private static Step step(TimelineEntry entry) {
        return new Step(
                entry.topic(),
                Instant.ofEpochMilli(entry.occurredAt()).toString(),
                entry.source(),
                entry.eventId(),
                entry.causationId(),
                entry.summary());
    }
}
