package dev.troupe.order;

import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCompleted;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderCreatedChecks;
import dev.troupe.events.Topic;
import dev.troupe.events.Topics;
import dev.troupe.order.domain.CancelReasons;
import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.OrderDecision;
import dev.troupe.order.domain.OrderRules;
import dev.troupe.runtime.CurrentRecord;
import dev.troupe.runtime.Events;
import dev.troupe.runtime.OrderKeys;
import dev.troupe.runtime.Outputs;
import dev.troupe.runtime.RejectedEventException;
import dev.troupe.runtime.TraceContext;
import java.time.Duration;
import java.util.List;
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

    private static final Duration METRICS_REPORT = Duration.ofSeconds(5);

    private final Duration timeout;
    private final OrderMetrics metrics;
    private ProcessorContext<String, Object> context;
    private OrderBook book;
    private Outputs outputs;

    OrderProcessor(Duration timeout, OrderMetrics metrics) {
        this.timeout = timeout;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.outputs = new Outputs(context);
        this.book = new OrderBook(
                context.getStateStore(OrderStores.ORDERS), context.getStateStore(OrderStores.DEADLINES), timeout);
        context.schedule(TIMEOUT_CHECK, PunctuationType.WALL_CLOCK_TIME, this::cancelOverdueOrders);
        context.schedule(
                METRICS_REPORT,
                PunctuationType.WALL_CLOCK_TIME,
                now -> metrics.report(context.taskId().toString(), book.open(), now, timeout));
    }

    @Override
    public void close() {
        metrics.forget(context.taskId().toString());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        EventMeta meta = OrderKeys.checkedMeta(record.key(), record.value());
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
        Order order = book.find(meta.getOrderId());
        Long deadlineBefore = book.deadlineOf(order);
        if (order == null) {
            order = new Order(meta.getOrderId(), context.currentSystemTimeMs());
        }
        if (order.traceId == null) {
            order.traceId =
                    CurrentRecord.trace().map(TraceContext::traceId).orElse(TraceContext.traceIdOf(order.orderId));
        }
        OrderDecision decision = OrderRules.apply(order, topic, meta, record.value());
        publish(order, decision, meta);
        book.save(order, deadlineBefore);
        rejectIfInvalid(record.value());
    }

    /**
     * An order.created that breaks the order rules has ended the order (INVALID_ORDER, published above); the
     * record itself still goes to the dead-letter topic. The handler resumes, so what this record already
     * wrote and published stays in the transaction.
     */
    private static void rejectIfInvalid(SpecificRecord event) {
        if (event instanceof OrderCreated created) {
            List<String> problems = OrderCreatedChecks.problems(created);
            if (!problems.isEmpty()) {
                throw new RejectedEventException(CancelReasons.INVALID_ORDER, String.join("; ", problems));
            }
        }
    }

    private void cancelOverdueOrders(long nowMillis) {
        for (Order order : book.due(nowMillis)) {
            Long deadlineBefore = book.deadlineOf(order);
            OrderDecision decision = OrderRules.checkTimeout(order, nowMillis, timeout);
            EventMeta cause = order.createdEventId == null
                    ? null
                    : new EventMeta(
                            order.createdEventId,
                            order.orderId,
                            null,
                            java.time.Instant.ofEpochMilli(order.startedAt),
                            SOURCE);
            publish(order, decision, cause);
            book.save(order, deadlineBefore);
        }
        book.settledUpTo(nowMillis);
    }

    private void publish(Order order, OrderDecision decision, EventMeta cause) {
        long now = context.currentSystemTimeMs();
        if (decision.kind() != OrderDecision.Kind.NONE) {
            metrics.ended(order);
        }
        switch (decision.kind()) {
            case COMPLETE -> {
                EventMeta meta = metaFor(order, cause, Topics.ORDER_COMPLETED.name(), now);
                forward(
                        order,
                        Topics.ORDER_COMPLETED,
                        new OrderCompleted(meta, order.shipmentId, order.trackingNumber));
            }
            case CANCEL -> {
                EventMeta meta = metaFor(order, cause, Topics.ORDER_CANCELLED.name(), now);
                forward(order, Topics.ORDER_CANCELLED, new OrderCancelled(meta, decision.reason(), decision.message()));
            }
            case NONE -> {}
        }
    }

    private static EventMeta metaFor(Order order, EventMeta cause, String topic, long now) {
        return cause == null
                ? Events.uncaused(order.orderId, topic, SOURCE, now)
                : Events.causedBy(cause, topic, SOURCE, now);
    }

    /** Publishes the order's own event, in the order's trace, and puts it in the order's timeline too. */
    private void forward(Order order, Topic<?> topic, SpecificRecord event) {
        OrderRules.apply(order, topic.name(), Events.meta(event), event);
        outputs.event(topic, event, order.traceId);
    }
}
