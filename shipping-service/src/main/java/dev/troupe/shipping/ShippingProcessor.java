package dev.troupe.shipping;

import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.ShipmentCancelled;
import dev.troupe.events.ShipmentCreated;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.events.Topics;
import dev.troupe.runtime.CurrentRecord;
import dev.troupe.runtime.Events;
import dev.troupe.runtime.OrderKeys;
import dev.troupe.runtime.Outputs;
import dev.troupe.runtime.TraceContext;
import dev.troupe.runtime.external.PendingCall;
import dev.troupe.runtime.external.RetryQueue;
import dev.troupe.shipping.carrier.Carrier;
import dev.troupe.shipping.domain.Shipment;
import dev.troupe.shipping.domain.ShippingDecision;
import dev.troupe.shipping.domain.ShippingDecision.CarrierCall;
import dev.troupe.shipping.domain.ShippingRules;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per order: books the shipment with the carrier once the stock is reserved, and cancels it when the order
 * is cancelled. A carrier call that fails for now is retried later from the retry queue, while the
 * partition's other orders go on; past the retry bound, a booking is looked up at the carrier before the shipment
 * fails.
 */
final class ShippingProcessor implements Processor<String, SpecificRecord, String, Object> {
    static final String STORE = "shipments";
    static final String CARRIER_RETRIES = "carrier-retries";
    private static final String SOURCE = "shipping-service";

    private final ShippingSettings settings;
    private final MeterRegistry meters;
    private KeyValueStore<String, Shipment> shipments;
    private RetryQueue retries;
    private Outputs outputs;

    ShippingProcessor(ShippingSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        shipments = context.getStateStore(STORE);
        outputs = new Outputs(context);
        retries = new RetryQueue(context, CARRIER_RETRIES, "carrier", settings.retryPolicy(), meters);
        retries.retryWhenDue(call -> {
            Shipment shipment = shipments.get(call.orderId());
            if (shipment != null) {
                attempt(shipment, call);
                shipments.put(shipment.orderId, shipment);
            }
        });
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        EventMeta meta = OrderKeys.checkedMeta(record.key(), record.value());
        Shipment shipment = shipments.get(meta.getOrderId());
        if (shipment == null) {
            shipment = new Shipment(meta.getOrderId());
        }
        carryOut(
                shipment,
                decide(shipment, record.value(), meta.getEventId()),
                CurrentRecord.trace().map(TraceContext::traceId).orElse(null));
        shipments.put(shipment.orderId, shipment);
    }

    private ShippingDecision decide(Shipment shipment, SpecificRecord event, String eventId) {
        if (event instanceof OrderCreated created) {
            return ShippingRules.onOrderCreated(
                    shipment, created.getShippingAddress().getCountry(), settings.countries());
        }
        if (event instanceof InventoryReserved) {
            return ShippingRules.onReserved(shipment, eventId, settings.countries());
        }
        if (event instanceof OrderCancelled cancelled) {
            return ShippingRules.onCancelled(shipment, cancelled.getReason(), eventId);
        }
        return ShippingDecision.NOTHING;
    }

    private void carryOut(Shipment shipment, ShippingDecision decision, String traceId) {
        publish(shipment, decision, traceId);
        if (decision.call() != CarrierCall.NONE) {
            attempt(
                    shipment,
                    PendingCall.first(shipment.orderId, decision.call().step(), outputs.now(), traceId));
        }
    }

    private void attempt(Shipment shipment, PendingCall call) {
        switch (CarrierCall.valueOf(call.step().toUpperCase())) {
            case BOOK -> book(shipment, call);
            case CANCEL -> cancel(shipment, call);
            case NONE -> throw new IllegalStateException("no carrier call to attempt for " + call);
        }
    }

    private void book(Shipment shipment, PendingCall call) {
        Carrier carrier = settings.carrier();
        switch (retries.attemptOrGiveUp(
                call,
                () -> carrier.book(call.idempotencyKey(), shipment.carrier, shipment.trackingNumber, shipment.country),
                () -> carrier.booked(call.idempotencyKey()))) {
            case SUCCEEDED -> carryOut(shipment, ShippingRules.onBooked(shipment), call.traceId());
            case GAVE_UP -> carryOut(shipment, ShippingRules.onBookingGaveUp(shipment), call.traceId());
            case PARKED -> {}
        }
    }

    private void cancel(Shipment shipment, PendingCall call) {
        Carrier carrier = settings.carrier();
        RetryQueue.Attempt cancellation = retries.attempt(
                call, () -> carrier.cancel(call.idempotencyKey(), shipment.carrier, shipment.trackingNumber));
        if (cancellation == RetryQueue.Attempt.SUCCEEDED) {
            carryOut(shipment, ShippingRules.onCarrierCancelled(shipment), call.traceId());
        }
    }

    private void publish(Shipment shipment, ShippingDecision decision, String traceId) {
        switch (decision.kind()) {
            case CREATED ->
                outputs.event(
                        Topics.SHIPMENT_CREATED,
                        new ShipmentCreated(
                                meta(shipment, decision, Topics.SHIPMENT_CREATED.name()),
                                shipment.shipmentId,
                                shipment.carrier,
                                shipment.trackingNumber),
                        traceId);
            case FAILED ->
                outputs.event(
                        Topics.SHIPMENT_FAILED,
                        new ShipmentFailed(
                                meta(shipment, decision, Topics.SHIPMENT_FAILED.name()),
                                decision.reason(),
                                decision.message()),
                        traceId);
            case CANCELLED ->
                outputs.event(
                        Topics.SHIPMENT_CANCELLED,
                        new ShipmentCancelled(
                                meta(shipment, decision, Topics.SHIPMENT_CANCELLED.name()),
                                shipment.shipmentId,
                                decision.reason()),
                        traceId);
            case NOTHING -> {}
        }
    }

    private EventMeta meta(Shipment shipment, ShippingDecision decision, String topic) {
        return Events.causedBy(decision.causeEventId(), shipment.orderId, topic, SOURCE, outputs.now());
    }
}
