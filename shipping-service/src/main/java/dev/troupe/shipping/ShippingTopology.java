package dev.troupe.shipping;

import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.EventTopology;
import dev.troupe.runtime.TaggedSerde;
import dev.troupe.runtime.external.RetryQueue;
import dev.troupe.shipping.domain.Shipment;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;

/**
 * The shipping service: books reserved orders to served countries with the carrier; cancels shipments of
 * cancelled orders.
 */
public final class ShippingTopology {
    private ShippingTopology() {}

    public static EventTopology build(SchemaRegistryClient registry, ShippingSettings settings, MeterRegistry meters) {
        EventTopology topology = new EventTopology(registry, meters);
        String orders = topology.processor(
                "ship-orders",
                () -> new ShippingProcessor(settings, meters),
                List.of(Topics.ORDER_CREATED, Topics.INVENTORY_RESERVED, Topics.ORDER_CANCELLED));
        topology.topology()
                .addStateStore(
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(ShippingProcessor.STORE),
                                Serdes.String(),
                                new TaggedSerde<>(Shipment.class, new ShipmentCodec())),
                        orders);
        topology.topology().addStateStore(RetryQueue.store(ShippingProcessor.CARRIER_RETRIES), orders);
        topology.sendsTo(Topics.SHIPMENT_CREATED, orders);
        topology.sendsTo(Topics.SHIPMENT_FAILED, orders);
        topology.sendsTo(Topics.SHIPMENT_CANCELLED, orders);
        return topology;
    }
}
