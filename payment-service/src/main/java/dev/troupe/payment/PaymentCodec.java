package dev.troupe.payment;

import dev.troupe.payment.domain.Payment;
import dev.troupe.payment.domain.PaymentStatus;
import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;

/** A payment as tagged fields: read and written on its charge, its undoing and every gateway answer. */
final class PaymentCodec implements TaggedCodec<Payment> {
    // The tags are the stored format: never renumber one or give it to another field.
    private static final int ORDER_ID = 1;
    private static final int CUSTOMER_ID = 2;
    private static final int AMOUNT_CENTS = 3;
    private static final int CURRENCY = 4;
    private static final int STATUS = 5;
    private static final int PAYMENT_ID = 6;
    private static final int CHARGE_CAUSE_EVENT_ID = 7;
    private static final int UNDO_REASON = 8;
    private static final int UNDO_EVENT_ID = 9;

    @Override
    public void write(Payment payment, TaggedOutput out) {
        out.string(ORDER_ID, payment.orderId)
                .string(CUSTOMER_ID, payment.customerId)
                .number(AMOUNT_CENTS, payment.amountCents)
                .string(CURRENCY, payment.currency)
                .name(STATUS, payment.status)
                .string(PAYMENT_ID, payment.paymentId)
                .string(CHARGE_CAUSE_EVENT_ID, payment.chargeCauseEventId)
                .string(UNDO_REASON, payment.undoReason)
                .string(UNDO_EVENT_ID, payment.undoEventId);
    }

    @Override
    public Payment read(TaggedInput in) {
        Payment payment = new Payment();
        while (in.next()) {
            switch (in.tag()) {
                case ORDER_ID -> payment.orderId = in.string();
                case CUSTOMER_ID -> payment.customerId = in.string();
                case AMOUNT_CENTS -> payment.amountCents = in.number();
                case CURRENCY -> payment.currency = in.string();
                case STATUS -> payment.status = in.name(PaymentStatus.class);
                case PAYMENT_ID -> payment.paymentId = in.string();
                case CHARGE_CAUSE_EVENT_ID -> payment.chargeCauseEventId = in.string();
                case UNDO_REASON -> payment.undoReason = in.string();
                case UNDO_EVENT_ID -> payment.undoEventId = in.string();
                default -> in.skip();
            }
        }
        return payment;
    }
}
