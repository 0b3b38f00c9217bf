package dev.troupe.notification.domain;

import dev.troupe.events.EventText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification service's part of the saga: one confirmation when the order ships (unless it was
 * cancelled first), one cancellation when it is cancelled. A cancellation names the refund; where a refund
 * is expected, it waits for it for a bounded time. Repeated events send nothing more.
 */
public final class NotificationRules {
    private NotificationRules() {}

    public static void onOrderCreated(Notice notice, String email) {
        if (notice.email == null) {
            notice.email = email;
        }
    }

    public static void onShipmentCreated(Notice notice, String eventId, String carrier, String trackingNumber) {
        if (notice.shipmentEventId == null) {
            notice.shipmentEventId = eventId;
            notice.carrier = carrier;
            notice.trackingNumber = trackingNumber;
        }
    }

    public static void onCancelled(
            Notice notice, String reason, String message, String eventId, long now, Duration refundWait) {
        if (notice.cancelEventId == null) {
            notice.cancelEventId = eventId;
            notice.cancelReason = reason;
            notice.cancelMessage = message;
            notice.cancellationDueAt = now + refundWait.toMillis();
        }
    }

    public static void onRefunded(Notice notice, long amountCents, String currency) {
        if (notice.refundedCents == null) {
            notice.refundedCents = amountCents;
            notice.refundCurrency = currency;
        }
    }

    /** The messages due now; they are marked sent (handed over for sending, retried until they are). */
    public static List<Outgoing> due(Notice notice, long now) {
        List<Outgoing> due = new ArrayList<>();
        if (notice.email == null) {
            return due;
        }
        if (notice.shipmentEventId != null && !notice.confirmationSent && notice.cancelEventId == null) {
            notice.confirmationSent = true;
            due.add(message(notice, Template.ORDER_CONFIRMATION));
        }
        if (notice.cancellationPending() && cancellationReady(notice, now)) {
            notice.cancellationSent = true;
            due.add(message(notice, Template.ORDER_CANCELLATION));
        }
        return due;
    }

    /** The message of the template for the order, as {@link #due} made it (again, for a retry). */
    public static Outgoing message(Notice notice, Template template) {
        return switch (template) {
            case ORDER_CONFIRMATION ->
                new Outgoing(
                        Template.ORDER_CONFIRMATION,
                        notice.shipmentEventId,
                        notice.email,
                        "Your order " + notice.orderId + " is on its way",
                        "Hello,\n\nyour order " + notice.orderId + " has shipped with " + notice.carrier
                                + ", tracking number " + notice.trackingNumber + ".\n\nThank you for your order.\n");
            case ORDER_CANCELLATION ->
                new Outgoing(
                        Template.ORDER_CANCELLATION,
                        notice.cancelEventId,
                        notice.email,
                        "Your order " + notice.orderId + " was cancelled",
                        cancellationBody(notice));
        };
    }

    private static boolean cancellationReady(Notice notice, long now) {
        return notice.refundedCents != null
                || "PAYMENT_DECLINED".equals(notice.cancelReason)
                || now >= notice.cancellationDueAt;
    }

    private static String cancellationBody(Notice notice) {
        StringBuilder body = new StringBuilder("Hello,\n\nwe are sorry: your order ")
                .append(notice.orderId)
                .append(" was cancelled (")
                .append(explain(notice.cancelReason))
                .append(").\n");
        if (notice.refundedCents != null) {
            body.append("We have refunded ")
                    .append(EventText.money(notice.refundedCents, notice.refundCurrency))
                    .append(" to you.\n");
        }
        return body.append("\nNothing was shipped.\n").toString();
    }

    private static String explain(String reason) {
        return switch (reason) {
            case "PAYMENT_DECLINED" -> "the payment was declined";
            case "OUT_OF_STOCK" -> "an item is out of stock";
            case "SHIPPING_FAILED" -> "we cannot ship to the address";
            case "TIMED_OUT" -> "it could not be completed in time";
            case "INVALID_ORDER" -> "the order was invalid";
            default -> reason;
        };
    }
}
