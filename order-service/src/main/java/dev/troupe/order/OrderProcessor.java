package dev.troupe.order;

import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCompleted;
import dev.troupe.events.Topics;
import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.OrderDecision;
import dev.troupe.order.domain.OrderRules;
import dev.troupe.runtime.EventTopology;
import dev.troupe.runtime.Events;
import dev.troupe.runtime.OrderKeys;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Follows every event of every order, publishes {@code order.completed} or {@code order.cancelled} once, and
 * cancels orders whose time has run out (checked every second of wall-clock time).
 */
final class OrderProcessor implements Processor<String, SpecificRecord, String, Object> {
    static final String SOURCE = "order-service";
    private static final Duration TIMEOUT_CHECK = Duration.ofSeconds(1);

    private final Duration timeout;
    private ProcessorContext<String, Object> context;
    private OrderBook book;

    OrderProcessor(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.book = new OrderBook(
                context.getStateStore(OrderStores.ORDERS), context.getStateStore(OrderStores.DEADLINES), timeout);
        context.schedule(TIMEOUT_CHECK, PunctuationType.WALL_CLOCK_TIME, this::cancelOverdueOrders);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        EventMeta meta = OrderKeys.checkedMeta(record.key(), record.value());
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
        Order order = book.find(meta.getOrderId());
        long startedAtBefore = order == null ? OrderBook.NEW : order.startedAt;
        if (order == null) {
            order = new Order(meta.getOrderId(), context.currentSystemTimeMs());
        }
        OrderDecision decision = OrderRules.apply(order, topic, meta, record.value());
        publish(order, decision, meta, record.timestamp());
        book.save(order, startedAtBefore);
    }

    private void cancelOverdueOrders(long nowMillis) {
        for (Order order : book.due(nowMillis)) {
            long startedAt = order.startedAt;
            OrderDecision decision = OrderRules.checkTimeout(order, nowMillis, timeout);
            EventMeta cause = order.createdEventId == null
                    ? null
                    : new EventMeta(
                            order.createdEventId,
                            order.orderId,
                            null,
                            java.time.Instant.ofEpochMilli(order.startedAt),
                            SOURCE);
            publish(order, decision, cause, nowMillis);
            book.save(order, startedAt);
        }
    }

    private void publish(Order order, OrderDecision decision, EventMeta cause, long timestamp) {
        long now = context.currentSystemTimeMs();
        switch (decision.kind()) {
            case COMPLETE -> {
                EventMeta meta = metaFor(order, cause, Topics.ORDER_COMPLETED.name(), now);
                forward(
                        order,
                        Topics.ORDER_COMPLETED.name(),
                        new OrderCompleted(meta, order.shipmentId, order.trackingNumber),
                        timestamp);
            }
            case CANCEL -> {
                EventMeta meta = metaFor(order, cause, Topics.ORDER_CANCELLED.name(), now);
                forward(
                        order,
                        Topics.ORDER_CANCELLED.name(),
                        new OrderCancelled(meta, decision.reason(), decision.message()),
                        timestamp);
            }
            case NONE -> {}
        }
    }

    private static EventMeta metaFor(Order order, EventMeta cause, String topic, long now) {
        return cause == null
                ? Events.uncaused(order.orderId, topic, SOURCE, now)
                : Events.causedBy(cause, topic, SOURCE, now);
    }

    /** Publishes the order's own event and puts it in the order's timeline too. */
    private void forward(Order order, String topic, SpecificRecord event, long timestamp) {
        OrderRules.apply(order, topic, Events.meta(event), event);
        context.forward(
                new Record<>(Events.meta(event).getOrderId(), (Object) event, timestamp), EventTopology.sinkOf(topic));
    }
}
