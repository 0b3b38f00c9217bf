package dev.troupe.inventory;

import dev.troupe.events.Topics;
import dev.troupe.inventory.domain.StockCommand;
import dev.troupe.inventory.domain.StockResult;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.EventTopology;
import dev.troupe.runtime.TaggedSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The inventory service in two steps: per order (hold when created, reserve when paid, release when undone) and
 * per SKU (the stock), joined by the service's own command and result topics: a reservation is split per SKU,
 * routed by SKU, and its answers gathered back per order — while the order's payment is on its way.
 */
public final class InventoryTopology {
    /** Hold and release commands, keyed by SKU. */
    public static final String STOCK_COMMANDS = "inventory-service.stock-commands";
    /** Their results, keyed by order id. */
    public static final String STOCK_RESULTS = "inventory-service.stock-results";

    private InventoryTopology() {}

    public static EventTopology build(SchemaRegistryClient registry, Catalog catalog, MeterRegistry meters) {
        EventTopology topology = new EventTopology(registry, meters);
        TaggedSerde<StockCommand> commands = new TaggedSerde<>(StockCommand.class, new StockCommandCodec());
        TaggedSerde<StockResult> answers = new TaggedSerde<>(StockResult.class, new StockResultCodec());
        String orders = topology.processor(
                "follow-orders",
                ReservationProcessor::new,
                List.of(
                        Topics.ORDER_CREATED,
                        Topics.PAYMENT_COMPLETED,
                        Topics.SHIPMENT_FAILED,
                        Topics.ORDER_CANCELLED));
        String results =
                topology.processor("gather-stock-results", ReservationProcessor.Results::new, STOCK_RESULTS, answers);
        String stock = topology.processor("keep-stock", () -> new StockProcessor(catalog), STOCK_COMMANDS, commands);
        topology.topology().addStateStore(InventoryStores.reservations(), orders, results);
        topology.topology().addStateStore(InventoryStores.stock(), stock);
        topology.topology().addStateStore(InventoryStores.holdings(), stock);
        topology.sendsTo(STOCK_COMMANDS, commands, orders, results);
        topology.sendsTo(STOCK_RESULTS, answers, stock);
        topology.sendsTo(Topics.INVENTORY_RESERVED, orders, results);
        topology.sendsTo(Topics.INVENTORY_FAILED, orders, results);
        topology.sendsTo(Topics.INVENTORY_RELEASED, orders, results);
        return topology;
    }
}
