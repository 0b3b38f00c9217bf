package dev.troupe.order;

import dev.troupe.events.Address;
import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderItem;
import dev.troupe.events.Topics;
import dev.troupe.order.domain.Order;
import dev.troupe.runtime.CurrentRecord;
import dev.troupe.runtime.Events;
import dev.troupe.runtime.Outputs;
import dev.troupe.runtime.TraceContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns an accepted API request into {@code order.created} — once per order id, however often the request
 * was sent: the order's entry in the store is the memory of an Idempotency-Key.
 */
final class RequestProcessor implements Processor<String, OrderRequest, String, Object> {
    private ProcessorContext<String, Object> context;
    private OrderBook book;
    private Outputs outputs;
    private final java.time.Duration timeout;

    RequestProcessor(java.time.Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.outputs = new Outputs(context);
        this.book = new OrderBook(
                context.getStateStore(OrderStores.ORDERS), context.getStateStore(OrderStores.DEADLINES), timeout);
    }

    @Override
    public void process(Record<String, OrderRequest> record) {
        OrderRequest request = record.value();
        if (book.find(request.orderId()) != null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        OrderCreated created = toEvent(
                request, Events.uncaused(request.orderId(), Topics.ORDER_CREATED.name(), OrderProcessor.SOURCE, now));
        Order order = new Order(request.orderId(), now);
        order.traceId =
                CurrentRecord.trace().map(TraceContext::traceId).orElse(TraceContext.traceIdOf(request.orderId()));
        book.save(order, null);
        outputs.event(Topics.ORDER_CREATED, created, order.traceId);
    }

    static OrderCreated toEvent(OrderRequest request, EventMeta meta) {
        OrderRequest.ShippingAddress address = request.shippingAddress();
        return OrderCreated.newBuilder()
                .setMeta(meta)
                .setCustomerId(request.customerId())
                .setEmail(request.email())
                .setItems(request.items().stream()
                        .map(line -> new OrderItem(line.sku(), line.quantity(), line.unitPriceCents()))
                        .toList())
                .setTotalCents(request.totalCents())
                .setCurrency(request.currency())
                .setShippingAddress(new Address(
                        address.name(), address.street(), address.city(), address.postalCode(), address.country()))
                .build();
    }
}
