package dev.troupe.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** One valid event of every type, for tests that must cover the whole catalogue. */
public final class SampleEvents {
    private SampleEvents() {}

    public static EventMeta meta(String orderId, String source) {
        return EventMeta.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setCausationId(
                        source.equals("order-service")
                                ? null
                                : UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setSource(source)
                .build();
    }

    public static OrderCreated orderCreated(String orderId) {
        return OrderCreated.newBuilder()
                .setMeta(meta(orderId, "order-service"))
                .setCustomerId("customer-7")
                .setEmail("ada@example.com")
                .setItems(List.of(new OrderItem("SKU-001", 2, 1_250L), new OrderItem("SKU-017", 1, 4_999L)))
                .setTotalCents(7_499L)
                .setCurrency("EUR")
                .setShippingAddress(new Address("Ada Lovelace", "Hauptstraße 1", "Berlin", "10115", "DE"))
                .build();
    }

    /** Every topic with one record of its type, in the order of {@link Topics#ALL}. */
    public static Map<Topic<?>, SpecificRecord> oneOfEach(String orderId) {
        Map<Topic<?>, SpecificRecord> events = new LinkedHashMap<>();
        events.put(Topics.ORDER_CREATED, orderCreated(orderId));
        events.put(
                Topics.PAYMENT_COMPLETED,
                new PaymentCompleted(meta(orderId, "payment-service"), "pay-1", 7_499L, "EUR"));
        events.put(
                Topics.INVENTORY_RESERVED,
                new InventoryReserved(
                        meta(orderId, "inventory-service"),
                        "res-1",
                        List.of(new ReservedItem("SKU-001", 2), new ReservedItem("SKU-017", 1))));
        events.put(
                Topics.SHIPMENT_CREATED,
                new ShipmentCreated(meta(orderId, "shipping-service"), "ship-1", "DHL", "JJD000390007"));
        events.put(
                Topics.ORDER_COMPLETED, new OrderCompleted(meta(orderId, "order-service"), "ship-1", "JJD000390007"));
        events.put(
                Topics.NOTIFICATION_SENT,
                new NotificationSent(
                        meta(orderId, "notification-service"), "EMAIL", "ORDER_CONFIRMATION", "ada@example.com"));
        events.put(
                Topics.PAYMENT_FAILED,
                new PaymentFailed(meta(orderId, "payment-service"), "INSUFFICIENT_CREDIT", "credit exceeded"));
        events.put(
                Topics.INVENTORY_FAILED,
                new InventoryFailed(
                        meta(orderId, "inventory-service"), "OUT_OF_STOCK", List.of(new Shortage("SKU-017", 1, 0))));
        events.put(
                Topics.SHIPMENT_FAILED,
                new ShipmentFailed(meta(orderId, "shipping-service"), "UNSUPPORTED_COUNTRY", "no shipping to AQ"));
        events.put(
                Topics.ORDER_CANCELLED,
                new OrderCancelled(meta(orderId, "order-service"), "OUT_OF_STOCK", "SKU-017 is out of stock"));
        events.put(
                Topics.PAYMENT_REFUNDED,
                new PaymentRefunded(meta(orderId, "payment-service"), "pay-1", 7_499L, "EUR", "OUT_OF_STOCK"));
        events.put(
                Topics.INVENTORY_RELEASED,
                new InventoryReleased(meta(orderId, "inventory-service"), "res-1", "SHIPPING_FAILED"));
        events.put(
                Topics.SHIPMENT_CANCELLED,
                new ShipmentCancelled(meta(orderId, "shipping-service"), "ship-1", "TIMED_OUT"));
        return events;
    }
}
