package dev.troupe.notification.domain;

/** The notification service's view of one order. Changed only through {@link NotificationRules}. */
public final class Notice {
    public String orderId;
    public String email;
    /** The trace the order's events belong to (W3C trace id). */
    public String traceId;

    public String shipmentEventId;
    public String carrier;
    public String trackingNumber;
    public boolean confirmationSent;

    public String cancelEventId;
    public String cancelReason;
    public String cancelMessage;
    /** When the cancellation goes out at the latest, if no refund has come by then. */
    public long cancellationDueAt;

    public boolean cancellationSent;

    public Long refundedCents;
    public String refundCurrency;

    public Notice() {}

    public Notice(String orderId) {
        this.orderId = orderId;
    }

    public boolean cancellationPending() {
        return cancelEventId != null && !cancellationSent;
    }
}
