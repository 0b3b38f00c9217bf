package dev.troupe.inventory;

import dev.troupe.inventory.domain.StockResult;
import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;

/** One SKU's answer as tagged fields: on the results topic, and inside a reservation that gathers it. */
final class StockResultCodec implements TaggedCodec<StockResult> {
    // The tags are the stored and sent format: never renumber one or give it to another field.
    private static final int KIND = 1;
    private static final int ORDER_ID = 2;
    private static final int SKU = 3;
    private static final int QUANTITY = 4;
    private static final int AVAILABLE = 5;
    private static final int KNOWN = 6;

    @Override
    public void write(StockResult result, TaggedOutput out) {
        out.name(KIND, result.kind())
                .string(ORDER_ID, result.orderId())
                .string(SKU, result.sku())
                .number(QUANTITY, result.quantity())
                .number(AVAILABLE, result.available())
                .flag(KNOWN, result.known());
    }

    @Override
    public StockResult read(TaggedInput in) {
        StockResult.Kind kind = null;
        String orderId = null;
        String sku = null;
        int quantity = 0;
        long available = 0;
        boolean known = false;
        while (in.next()) {
            switch (in.tag()) {
                case KIND -> kind = in.name(StockResult.Kind.class);
                case ORDER_ID -> orderId = in.string();
                case SKU -> sku = in.string();
                case QUANTITY -> quantity = in.integer();
                case AVAILABLE -> available = in.number();
                case KNOWN -> known = in.flag();
                default -> in.skip();
            }
        }
        return new StockResult(kind, orderId, sku, quantity, available, known);
    }
}
