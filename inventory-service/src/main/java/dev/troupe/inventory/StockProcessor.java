package dev.troupe.inventory;

import dev.troupe.inventory.domain.StockCommand;
import dev.troupe.inventory.domain.StockRules;
import dev.troupe.runtime.Outputs;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the stock of SKUs. Commands arrive keyed by SKU, so one task owns an SKU's stock however many
 * instances run. An SKU's stock is seeded from the catalog the first time it is asked for.
 */
final class StockProcessor implements Processor<String, StockCommand, String, Object> {
    private final Catalog catalog;
    private KeyValueStore<String, Long> stock;
    private KeyValueStore<String, Integer> holdings;
    private Outputs outputs;

    StockProcessor(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        stock = context.getStateStore(InventoryStores.STOCK);
        holdings = context.getStateStore(InventoryStores.HOLDINGS);
        outputs = new Outputs(context);
    }

    @Override
    public void process(Record<String, StockCommand> record) {
        StockCommand command = record.value();
        Long stored = stock.get(command.sku());
        Long available = stored != null ? stored : catalog.stockOf(command.sku());
        String holdingKey = InventoryStores.holdingKey(command.sku(), command.orderId());
        Integer held = holdings.get(holdingKey);
        StockRules.Applied applied = StockRules.apply(available, held == null ? 0 : held, command);
        if (applied.result().known()) {
            stock.put(command.sku(), applied.availableAfter());
        }
        if (applied.heldAfter() > 0) {
            holdings.put(holdingKey, applied.heldAfter());
        } else if (held != null) {
            holdings.delete(holdingKey);
        }
        outputs.command(InventoryTopology.STOCK_RESULTS, command.orderId(), applied.result());
    }
}
