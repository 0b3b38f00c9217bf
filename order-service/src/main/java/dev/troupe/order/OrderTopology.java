package dev.troupe.order;

import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.EventTopology;
import dev.troupe.runtime.JsonSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;

/** The order service: API requests become orders; every outcome event moves an order toward its end. */
public final class OrderTopology {
    /** The service's own topic from its API to its stream tasks, keyed by order id. */
    public static final String REQUESTS = "order-service.requests";

    private OrderTopology() {}

    public static EventTopology build(SchemaRegistryClient registry, Duration orderTimeout, MeterRegistry meters) {
        EventTopology topology = new EventTopology(registry, meters);
        OrderMetrics metrics = new OrderMetrics(meters);
        String requests = topology.processor(
                "accept-requests",
                () -> new RequestProcessor(orderTimeout),
                REQUESTS,
                new JsonSerde<>(OrderRequest.class));
        String orders = topology.processor(
                "follow-orders",
                () -> new OrderProcessor(orderTimeout, metrics),
                List.of(
                        Topics.ORDER_CREATED,
                        Topics.PAYMENT_COMPLETED,
                        Topics.PAYMENT_FAILED,
                        Topics.PAYMENT_REFUNDED,
                        Topics.INVENTORY_RESERVED,
                        Topics.INVENTORY_FAILED,
                        Topics.INVENTORY_RELEASED,
                        Topics.SHIPMENT_CREATED,
                        Topics.SHIPMENT_FAILED,
                        Topics.SHIPMENT_CANCELLED,
                        Topics.NOTIFICATION_SENT));
        topology.topology().addStateStore(OrderStores.orders(), requests, orders);
        topology.topology().addStateStore(OrderStores.deadlines(), requests, orders);
        topology.sendsTo(Topics.ORDER_CREATED, requests);
        topology.sendsTo(Topics.ORDER_COMPLETED, orders);
        topology.sendsTo(Topics.ORDER_CANCELLED, orders);
        return topology;
    }
}
