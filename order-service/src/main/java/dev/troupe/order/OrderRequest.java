package dev.troupe.order;

import java.util.List;

/**
 * An order as the API accepted it, on its way to becoming {@code order.created}. It travels through the
 * service's own topic, keyed by order id, so that one task decides — once — whether it is new.
 */
public record OrderRequest(
        String orderId,
        String customerId,
        String email,
        List<Line> items,
        long totalCents,
        String currency,
        ShippingAddress shippingAddress,
        long requestedAt) {

    public record Line(String sku, int quantity, long unitPriceCents) {}

    public record ShippingAddress(String name, String street, String city, String postalCode, String country) {}
}
