package dev.troupe.inventory;

import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderCreatedChecks;
import dev.troupe.events.OrderItem;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.inventory.domain.Reservation;
import dev.troupe.inventory.domain.ReservationDecision;
import dev.troupe.inventory.domain.ReservationRules;
import dev.troupe.inventory.domain.StockResult;
import dev.troupe.runtime.OrderKeys;
import dev.troupe.runtime.Outputs;
import dev.troupe.runtime.RejectedEventException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per order: asks the SKUs to hold stock when the order is created, publishes the verdict once it is paid, and
 * asks the SKUs to give the stock back when the order is undone.
 */
final class ReservationProcessor implements Processor<String, SpecificRecord, String, Object> {
    private KeyValueStore<String, Reservation> reservations;
    private ReservationPublisher publisher;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        reservations = context.getStateStore(InventoryStores.RESERVATIONS);
        publisher = new ReservationPublisher(new Outputs(context));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        EventMeta meta = OrderKeys.checkedMeta(record.key(), record.value());
        Reservation reservation = reservations.get(meta.getOrderId());
        if (reservation == null) {
            reservation = new Reservation(meta.getOrderId());
        }
        publisher.carryOut(reservation, decide(reservation, record.value(), meta.getEventId()));
        reservations.put(reservation.orderId, reservation);
    }

    private static ReservationDecision decide(Reservation reservation, SpecificRecord event, String eventId) {
        if (event instanceof OrderCreated created) {
            return ReservationRules.onOrderCreated(reservation, quantitiesBySku(created));
        }
        if (event instanceof PaymentCompleted) {
            return ReservationRules.onPaid(reservation, eventId);
        }
        if (event instanceof ShipmentFailed) {
            return ReservationRules.onUndo(reservation, "SHIPPING_FAILED", eventId);
        }
        if (event instanceof OrderCancelled cancelled) {
            return ReservationRules.onUndo(reservation, cancelled.getReason(), eventId);
        }
        return ReservationDecision.NOTHING;
    }

    private static Map<String, Integer> quantitiesBySku(OrderCreated created) {
        List<String> problems = OrderCreatedChecks.problems(created);
        if (!problems.isEmpty()) {
            // Never reserved; the order service cancels it INVALID_ORDER.
            throw new RejectedEventException("INVALID_ORDER", String.join("; ", problems));
        }
        Map<String, Integer> quantities = new TreeMap<>();
        for (OrderItem item : created.getItems()) {
            quantities.merge(item.getSku(), item.getQuantity(), Integer::sum);
        }
        return quantities;
    }

    /** Answers of the SKUs come back here, by order id. */
    static final class Results implements Processor<String, StockResult, String, Object> {
        private KeyValueStore<String, Reservation> reservations;
        private ReservationPublisher publisher;

        @Override
        public void init(ProcessorContext<String, Object> context) {
            reservations = context.getStateStore(InventoryStores.RESERVATIONS);
            publisher = new ReservationPublisher(new Outputs(context));
        }

        @Override
        public void process(Record<String, StockResult> record) {
            Reservation reservation = reservations.get(record.key());
            if (reservation == null) {
                throw new RejectedEventException("UNKNOWN_ORDER", "stock result for unknown order " + record.key());
            }
            publisher.carryOut(reservation, ReservationRules.onResult(reservation, record.value()));
            reservations.put(reservation.orderId, reservation);
        }
    }
}
