package dev.troupe.payment;

import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryFailed;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderCreatedChecks;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.payment.domain.CreditCommand;
import dev.troupe.payment.domain.OrderRoute;
import dev.troupe.payment.domain.RoutingRules;
import dev.troupe.runtime.OrderKeys;
import dev.troupe.runtime.Outputs;
import dev.troupe.runtime.RejectedEventException;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Per order: sends the charge to the customer's credit when the order is created, and the first undo signal. */
final class RoutingProcessor implements Processor<String, SpecificRecord, String, Object> {
    private KeyValueStore<String, OrderRoute> routes;
    private Outputs outputs;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        routes = context.getStateStore(PaymentStores.ROUTES);
        outputs = new Outputs(context);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        EventMeta meta = OrderKeys.checkedMeta(record.key(), record.value());
        OrderRoute stored = routes.get(meta.getOrderId());
        OrderRoute route = stored != null ? stored : new OrderRoute(meta.getOrderId());
        Optional<CreditCommand> command = decide(route, record.value(), meta.getEventId());
        routes.put(route.orderId, route);
        command.ifPresent(c -> outputs.command(PaymentTopology.CREDIT_COMMANDS, c.customerId(), c));
    }

    private static Optional<CreditCommand> decide(OrderRoute route, SpecificRecord event, String eventId) {
        if (event instanceof OrderCreated created) {
            List<String> problems = OrderCreatedChecks.problems(created);
            if (!problems.isEmpty()) {
                // Never charged; the order service cancels it INVALID_ORDER.
                throw new RejectedEventException("INVALID_ORDER", String.join("; ", problems));
            }
            return RoutingRules.onOrderCreated(
                    route, created.getCustomerId(), created.getTotalCents(), created.getCurrency(), eventId);
        }
        if (event instanceof InventoryFailed) {
            return RoutingRules.onUndo(route, "OUT_OF_STOCK", eventId);
        }
        if (event instanceof ShipmentFailed) {
            return RoutingRules.onUndo(route, "SHIPPING_FAILED", eventId);
        }
        if (event instanceof OrderCancelled cancelled) {
            return RoutingRules.onUndo(route, cancelled.getReason(), eventId);
        }
        return Optional.empty();
    }
}
