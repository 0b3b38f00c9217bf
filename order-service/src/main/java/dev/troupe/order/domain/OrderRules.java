package dev.troupe.order.domain;

import dev.troupe.events.EventMeta;
import dev.troupe.events.EventText;
import dev.troupe.events.InventoryFailed;
import dev.troupe.events.InventoryReleased;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderCreatedChecks;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentFailed;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.events.ShipmentCancelled;
import dev.troupe.events.ShipmentCreated;
import dev.troupe.events.ShipmentFailed;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The order service's part of the saga: it follows every outcome and ends each order exactly once. The
 * first failure cancels; a shipment completes; anything after the end only updates what was undone.
 * Events may arrive in any order and more than once; a repeated event changes nothing.
 */
public final class OrderRules {
    private OrderRules() {}

    /** Applies an event (already known to belong to {@code order}) and says what to publish. */
    public static OrderDecision apply(Order order, String topic, EventMeta meta, SpecificRecord event) {
        if (order.saw(meta.getEventId())) {
            return OrderDecision.NONE;
        }
        order.timeline.add(new TimelineEntry(
                topic,
                meta.getEventId(),
                meta.getCausationId(),
                meta.getSource(),
                meta.getOccurredAt().toEpochMilli(),
                EventText.summary(event)));
        order.timeline.sort(java.util.Comparator.comparingLong(TimelineEntry::occurredAt));
        OrderDecision decision = decide(order, event);
        conclude(order, decision, meta.getOccurredAt().toEpochMilli());
        return decision;
    }

    /** Whether the order has run out of time; a terminal order never times out. */
    public static OrderDecision checkTimeout(Order order, long nowMillis, Duration timeout) {
        if (order.terminal() || nowMillis < order.startedAt + timeout.toMillis()) {
            return OrderDecision.NONE;
        }
        OrderDecision decision =
                OrderDecision.cancel(CancelReasons.TIMED_OUT, "No outcome within " + timeout.toSeconds() + " s");
        conclude(order, decision, nowMillis);
        return decision;
    }

    private static OrderDecision decide(Order order, SpecificRecord event) {
        if (event instanceof OrderCreated created) {
            order.customerId = created.getCustomerId();
            order.email = created.getEmail();
            order.totalCents = created.getTotalCents();
            order.currency = created.getCurrency();
            order.country = created.getShippingAddress().getCountry();
            order.createdEventId = created.getMeta().getEventId();
            order.startedAt =
                    Math.min(order.startedAt, created.getMeta().getOccurredAt().toEpochMilli());
            List<String> problems = OrderCreatedChecks.problems(created);
            return problems.isEmpty()
                    ? OrderDecision.NONE
                    : cancelUnlessOver(order, CancelReasons.INVALID_ORDER, String.join("; ", problems));
        }
        if (event instanceof PaymentCompleted) {
            if (order.payment == Compensations.Payment.NONE) {
                order.payment = Compensations.Payment.CHARGED;
            }
            advance(order, OrderStatus.PAID);
            return OrderDecision.NONE;
        }
        if (event instanceof PaymentFailed failed) {
            order.payment = Compensations.Payment.DECLINED;
            return cancelUnlessOver(order, CancelReasons.PAYMENT_DECLINED, failed.getMessage());
        }
        if (event instanceof PaymentRefunded) {
            order.payment = Compensations.Payment.REFUNDED;
            return OrderDecision.NONE;
        }
        if (event instanceof InventoryReserved) {
            if (order.stock == Compensations.Stock.NONE) {
                order.stock = Compensations.Stock.RESERVED;
            }
            advance(order, OrderStatus.RESERVED);
            return OrderDecision.NONE;
        }
        if (event instanceof InventoryFailed failed) {
            order.stock = Compensations.Stock.UNAVAILABLE;
            return cancelUnlessOver(
                    order, CancelReasons.OUT_OF_STOCK, "Not enough stock: " + EventText.shortages(failed));
        }
        if (event instanceof InventoryReleased) {
            order.stock = Compensations.Stock.RELEASED;
            return OrderDecision.NONE;
        }
        if (event instanceof ShipmentCreated created) {
            if (order.shipment == Compensations.Shipment.NONE) {
                order.shipment = Compensations.Shipment.CREATED;
            }
            order.shipmentId = created.getShipmentId();
            order.trackingNumber = created.getTrackingNumber();
            return order.terminal() ? OrderDecision.NONE : OrderDecision.COMPLETE;
        }
        if (event instanceof ShipmentFailed failed) {
            order.shipment = Compensations.Shipment.FAILED;
            return cancelUnlessOver(order, CancelReasons.SHIPPING_FAILED, failed.getMessage());
        }
        if (event instanceof ShipmentCancelled) {
            order.shipment = Compensations.Shipment.CANCELLED;
        }
        return OrderDecision.NONE;
    }

    private static void conclude(Order order, OrderDecision decision, long atMillis) {
        switch (decision.kind()) {
            case COMPLETE -> order.status = OrderStatus.COMPLETED;
            case CANCEL -> {
                order.status = OrderStatus.CANCELLED;
                order.reason = decision.reason();
                order.message = decision.message();
            }
            case NONE -> {
                return;
            }
        }
        order.finishedAt = atMillis;
    }

    private static void advance(Order order, OrderStatus next) {
        if (!order.terminal() && next.ordinal() > order.status.ordinal()) {
            order.status = next;
        }
    }

    private static OrderDecision cancelUnlessOver(Order order, String reason, String message) {
        return order.terminal() ? OrderDecision.NONE : OrderDecision.cancel(reason, message);
    }
}
