package dev.troupe.inventory;

import dev.troupe.inventory.domain.StockCommand;
import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;

/** A hold or release of one SKU as tagged fields, on the commands topic. */
final class StockCommandCodec implements TaggedCodec<StockCommand> {
    // The tags are the sent format: never renumber one or give it to another field.
    private static final int KIND = 1;
    private static final int ORDER_ID = 2;
    private static final int SKU = 3;
    private static final int QUANTITY = 4;

    @Override
    public void write(StockCommand command, TaggedOutput out) {
        out.name(KIND, command.kind())
                .string(ORDER_ID, command.orderId())
                .string(SKU, command.sku())
                .number(QUANTITY, command.quantity());
    }

    @Override
    public StockCommand read(TaggedInput in) {
        StockCommand.Kind kind = null;
        String orderId = null;
        String sku = null;
        int quantity = 0;
        while (in.next()) {
            switch (in.tag()) {
                case KIND -> kind = in.name(StockCommand.Kind.class);
                case ORDER_ID -> orderId = in.string();
                case SKU -> sku = in.string();
                case QUANTITY -> quantity = in.integer();
                default -> in.skip();
            }
        }
        return new StockCommand(kind, orderId, sku, quantity);
    }
}
