package dev.troupe.events;

import java.util.List;
import java.util.Optional;

/** Every event topic of the choreography (DESIGN §2), each with the one record type it carries. */
public final class Topics {
    public static final Topic<OrderCreated> ORDER_CREATED = new Topic<>("order.created", OrderCreated.class);
    public static final Topic<PaymentCompleted> PAYMENT_COMPLETED =
            new Topic<>("payment.completed", PaymentCompleted.class);
    public static final Topic<PaymentFailed> PAYMENT_FAILED = new Topic<>("payment.failed", PaymentFailed.class);
    public static final Topic<PaymentRefunded> PAYMENT_REFUNDED =
            new Topic<>("payment.refunded", PaymentRefunded.class);
    public static final Topic<InventoryReserved> INVENTORY_RESERVED =
            new Topic<>("inventory.reserved", InventoryReserved.class);
    public static final Topic<InventoryFailed> INVENTORY_FAILED =
            new Topic<>("inventory.failed", InventoryFailed.class);
    public static final Topic<InventoryReleased> INVENTORY_RELEASED =
            new Topic<>("inventory.released", InventoryReleased.class);
    public static final Topic<ShipmentCreated> SHIPMENT_CREATED =
            new Topic<>("shipment.created", ShipmentCreated.class);
    public static final Topic<ShipmentFailed> SHIPMENT_FAILED = new Topic<>("shipment.failed", ShipmentFailed.class);
    public static final Topic<ShipmentCancelled> SHIPMENT_CANCELLED =
            new Topic<>("shipment.cancelled", ShipmentCancelled.class);
    public static final Topic<OrderCompleted> ORDER_COMPLETED = new Topic<>("order.completed", OrderCompleted.class);
    public static final Topic<OrderCancelled> ORDER_CANCELLED = new Topic<>("order.cancelled", OrderCancelled.class);
    public static final Topic<NotificationSent> NOTIFICATION_SENT =
            new Topic<>("notification.sent", NotificationSent.class);

    /** In the order of the happy path, then failures and compensations. */
    public static final List<Topic<?>> ALL = List.of(
            ORDER_CREATED,
            PAYMENT_COMPLETED,
            INVENTORY_RESERVED,
            SHIPMENT_CREATED,
            ORDER_COMPLETED,
            NOTIFICATION_SENT,
            PAYMENT_FAILED,
            INVENTORY_FAILED,
            SHIPMENT_FAILED,
            ORDER_CANCELLED,
            PAYMENT_REFUNDED,
            INVENTORY_RELEASED,
            SHIPMENT_CANCELLED);

    private Topics() {}

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
