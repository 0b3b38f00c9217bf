package dev.troupe.inventory.domain;

/**
 * What one SKU did for one order; routed back by order id.
 *
 * @param available the SKU's available stock after the command (for a shortage: what there was)
 * @param known whether the SKU is in the catalog
 */
public record StockResult(Kind kind, String orderId, String sku, int quantity, long available, boolean known) {
    public enum Kind {
        HELD,
        SHORT,
        RELEASED
    }
}
