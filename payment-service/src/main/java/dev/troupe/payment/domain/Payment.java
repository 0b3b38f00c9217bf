package dev.troupe.payment.domain;

/** The payment of one order, kept with its customer's credit. Changed only through {@link PaymentRules}. */
public final class Payment {
    public String orderId;
    public String customerId;
    public long amountCents;
    public String currency;
    public PaymentStatus status = PaymentStatus.NONE;
    public String paymentId;
    /** The event the charge answers (the order's creation), the cause of payment.completed or .failed. */
    public String chargeCauseEventId;
    /** Set by the first failure or cancellation seen; from then on the order is never charged, only refunded. */
    public String undoReason;

    public String undoEventId;

    public Payment() {}

    public Payment(String orderId) {
        this.orderId = orderId;
    }
}
