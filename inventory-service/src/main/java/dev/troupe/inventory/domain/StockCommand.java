package dev.troupe.inventory.domain;

/** Hold or give back stock of one SKU for one order; routed by SKU. */
public record StockCommand(Kind kind, String orderId, String sku, int quantity) {
    public enum Kind {
        RESERVE,
        RELEASE
    }
}
