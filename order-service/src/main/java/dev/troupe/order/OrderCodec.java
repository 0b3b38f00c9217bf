package dev.troupe.order;

import dev.troupe.order.domain.Compensations;
import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.OrderStatus;
import dev.troupe.order.domain.TimelineEntry;
import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;

/** The order state as tagged fields: read and written on every event of an order, timeline and all. */
final class OrderCodec implements TaggedCodec<Order> {
    // The tags are the stored format: never renumber one or give it to another field.
    private static final int ORDER_ID = 1;
    private static final int CUSTOMER_ID = 2;
    private static final int EMAIL = 3;
    private static final int TOTAL_CENTS = 4;
    private static final int CURRENCY = 5;
    private static final int COUNTRY = 6;
    private static final int CREATED_EVENT_ID = 7;
    private static final int TRACE_ID = 8;
    private static final int STARTED_AT = 9;
    private static final int STATUS = 10;
    private static final int REASON = 11;
    private static final int MESSAGE = 12;
    private static final int PAYMENT = 13;
    private static final int STOCK = 14;
    private static final int SHIPMENT = 15;
    private static final int SHIPMENT_ID = 16;
    private static final int TRACKING_NUMBER = 17;
    private static final int FINISHED_AT = 18;
    /** One field per timeline entry, in order. */
    private static final int TIMELINE_ENTRY = 19;

    private static final int TOPIC = 1;
    private static final int EVENT_ID = 2;
    private static final int CAUSATION_ID = 3;
    private static final int SOURCE = 4;
    private static final int OCCURRED_AT = 5;
    private static final int SUMMARY = 6;

    @Override
    public void write(Order order, TaggedOutput out) {
        out.string(ORDER_ID, order.orderId)
                .string(CUSTOMER_ID, order.customerId)
                .string(EMAIL, order.email)
                .number(TOTAL_CENTS, order.totalCents)
                .string(CURRENCY, order.currency)
                .string(COUNTRY, order.country)
                .string(CREATED_EVENT_ID, order.createdEventId)
                .string(TRACE_ID, order.traceId)
                .number(STARTED_AT, order.startedAt)
                .name(STATUS, order.status)
                .string(REASON, order.reason)
                .string(MESSAGE, order.message)
                .name(PAYMENT, order.payment)
                .name(STOCK, order.stock)
                .name(SHIPMENT, order.shipment)
                .string(SHIPMENT_ID, order.shipmentId)
                .string(TRACKING_NUMBER, order.trackingNumber)
                .number(FINISHED_AT, order.finishedAt);
        for (TimelineEntry entry : order.timeline) {
            out.nested(
                    TIMELINE_ENTRY,
                    fields -> fields.string(TOPIC, entry.topic())
                            .string(EVENT_ID, entry.eventId())
                            .string(CAUSATION_ID, entry.causationId())
                            .string(SOURCE, entry.source())
                            .number(OCCURRED_AT, entry.occurredAt())
                            .string(SUMMARY, entry.summary()));
        }
    }

    @Override
    public Order read(TaggedInput in) {
        Order order = new Order();
        while (in.next()) {
            switch (in.tag()) {
                case ORDER_ID -> order.orderId = in.string();
                case CUSTOMER_ID -> order.customerId = in.string();
                case EMAIL -> order.email = in.string();
                case TOTAL_CENTS -> order.totalCents = in.number();
                case CURRENCY -> order.currency = in.string();
                case COUNTRY -> order.country = in.string();
                case CREATED_EVENT_ID -> order.createdEventId = in.string();
                case TRACE_ID -> order.traceId = in.string();
                case STARTED_AT -> order.startedAt = in.number();
                case STATUS -> order.status = in.name(OrderStatus.class);
                case REASON -> order.reason = in.string();
                case MESSAGE -> order.message = in.string();
                case PAYMENT -> order.payment = in.name(Compensations.Payment.class);
                case STOCK -> order.stock = in.name(Compensations.Stock.class);
                case SHIPMENT -> order.shipment = in.name(Compensations.Shipment.class);
                case SHIPMENT_ID -> order.shipmentId = in.string();
                case TRACKING_NUMBER -> order.trackingNumber = in.string();
                case FINISHED_AT -> order.finishedAt = in.number();
                case TIMELINE_ENTRY -> order.timeline.add(entry(in.nested()));
                default -> in.skip();
            }
        }
        return order;
    }

    private static TimelineEntry entry(TaggedInput in) {
        String topic = null;
        String eventId = null;
        String causationId = null;
        String source = null;
        long occurredAt = 0;
        String summary = null;
        while (in.next()) {
            switch (in.tag()) {
                case TOPIC -> topic = in.string();
                case EVENT_ID -> eventId = in.string();
                case CAUSATION_ID -> causationId = in.string();
                case SOURCE -> source = in.string();
                case OCCURRED_AT -> occurredAt = in.number();
                case SUMMARY -> summary = in.string();
                default -> in.skip();
            }
        }
        return new TimelineEntry(topic, eventId, causationId, source, occurredAt, summary);
    }
}
