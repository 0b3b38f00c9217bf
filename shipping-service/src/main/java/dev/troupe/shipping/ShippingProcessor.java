package dev.troupe.shipping;

import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.ShipmentCancelled;
import dev.troupe.events.ShipmentCreated;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.events.Topics;
import dev.troupe.runtime.Events;
import dev.troupe.runtime.OrderKeys;
import dev.troupe.runtime.Outputs;
import dev.troupe.shipping.domain.Shipment;
import dev.troupe.shipping.domain.ShippingDecision;
import dev.troupe.shipping.domain.ShippingRules;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Per order: ships once the stock is reserved, and cancels the shipment when the order is cancelled. */
final class ShippingProcessor implements Processor<String, SpecificRecord, String, Object> {
    static final String STORE = "shipments";
    private static final String SOURCE = "shipping-service";

    private final Set<String> countries;
    private KeyValueStore<String, Shipment> shipments;
    private Outputs outputs;

    ShippingProcessor(Set<String> countries) {
        this.countries = countries;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        shipments = context.getStateStore(STORE);
        outputs = new Outputs(context);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        EventMeta meta = OrderKeys.checkedMeta(record.key(), record.value());
        Shipment shipment = shipments.get(meta.getOrderId());
        if (shipment == null) {
            shipment = new Shipment(meta.getOrderId());
        }
        publish(shipment, decide(shipment, record.value(), meta.getEventId()));
        shipments.put(shipment.orderId, shipment);
    }

    private ShippingDecision decide(Shipment shipment, SpecificRecord event, String eventId) {
        if (event instanceof OrderCreated created) {
            return ShippingRules.onOrderCreated(
                    shipment, created.getShippingAddress().getCountry(), countries);
        }
        if (event instanceof InventoryReserved) {
            return ShippingRules.onReserved(shipment, eventId, countries);
        }
        if (event instanceof OrderCancelled cancelled) {
            return ShippingRules.onCancelled(shipment, cancelled.getReason(), eventId);
        }
        return ShippingDecision.NOTHING;
    }

    private void publish(Shipment shipment, ShippingDecision decision) {
        switch (decision.kind()) {
            case CREATED ->
                outputs.event(
                        Topics.SHIPMENT_CREATED,
                        new ShipmentCreated(
                                meta(shipment, decision, Topics.SHIPMENT_CREATED.name()),
                                shipment.shipmentId,
                                shipment.carrier,
                                shipment.trackingNumber));
            case FAILED ->
                outputs.event(
                        Topics.SHIPMENT_FAILED,
                        new ShipmentFailed(
                                meta(shipment, decision, Topics.SHIPMENT_FAILED.name()),
                                decision.reason(),
                                decision.message()));
            case CANCELLED ->
                outputs.event(
                        Topics.SHIPMENT_CANCELLED,
                        new ShipmentCancelled(
                                meta(shipment, decision, Topics.SHIPMENT_CANCELLED.name()),
                                shipment.shipmentId,
                                decision.reason()));
            case NOTHING -> {}
        }
    }

    private EventMeta meta(Shipment shipment, ShippingDecision decision, String topic) {
        return Events.causedBy(decision.causeEventId(), shipment.orderId, topic, SOURCE, outputs.now());
    }
}
