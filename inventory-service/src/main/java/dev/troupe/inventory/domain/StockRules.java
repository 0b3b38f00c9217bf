package dev.troupe.inventory.domain;

/**
 * Stock of one SKU. A hold takes the quantity from what is available and remembers it for the order, so a
 * repeated hold or release changes nothing; stock never goes below zero. An SKU outside the catalog is a
 * shortage, not an error.
 */
public final class StockRules {
    private StockRules() {}

    /** The result, the stock available after it, and the quantity now held for the order. */
    public record Applied(StockResult result, long availableAfter, int heldAfter) {}

    /**
     * @param available the SKU's available stock, or null for an SKU the catalog does not have
     * @param held the quantity already held for this order (0 if none)
     */
    public static Applied apply(Long available, int held, StockCommand command) {
        if (command.kind() == StockCommand.Kind.RELEASE) {
            long after = (available == null ? 0 : available) + held;
            return new Applied(result(command, StockResult.Kind.RELEASED, held, after, available != null), after, 0);
        }
        if (available == null) {
            return new Applied(result(command, StockResult.Kind.SHORT, command.quantity(), 0, false), 0, 0);
        }
        if (held > 0) {
            return new Applied(result(command, StockResult.Kind.HELD, held, available, true), available, held);
        }
        if (available < command.quantity()) {
            return new Applied(
                    result(command, StockResult.Kind.SHORT, command.quantity(), available, true), available, 0);
        }
        long after = available - command.quantity();
        return new Applied(
                result(command, StockResult.Kind.HELD, command.quantity(), after, true), after, command.quantity());
    }

    private static StockResult result(
            StockCommand command, StockResult.Kind kind, int quantity, long available, boolean known) {
        return new StockResult(kind, command.orderId(), command.sku(), quantity, available, known);
    }
}
