package dev.troupe.order.domain;

/** One event of an order as the order service saw it. */
public record TimelineEntry(
        String topic, String eventId, String causationId, String source, long occurredAt, String summary) {}
