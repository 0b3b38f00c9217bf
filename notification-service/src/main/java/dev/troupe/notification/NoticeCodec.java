package dev.troupe.notification;

import dev.troupe.notification.domain.Notice;
import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;

/** A notice as tagged fields: read and written on each of the order's events and each mail sent. */
final class NoticeCodec implements TaggedCodec<Notice> {
    // The tags are the stored format: never renumber one or give it to another field.
    private static final int ORDER_ID = 1;
    private static final int EMAIL = 2;
    private static final int TRACE_ID = 3;
    private static final int SHIPMENT_EVENT_ID = 4;
    private static final int CARRIER = 5;
    private static final int TRACKING_NUMBER = 6;
    private static final int CONFIRMATION_SENT = 7;
    private static final int CANCEL_EVENT_ID = 8;
    private static final int CANCEL_REASON = 9;
    private static final int CANCEL_MESSAGE = 10;
    private static final int CANCELLATION_DUE_AT = 11;
    private static final int CANCELLATION_SENT = 12;
    /** Written only once a refund is seen: none is a state of its own, not zero cents. */
    private static final int REFUNDED_CENTS = 13;

    private static final int REFUND_CURRENCY = 14;

    @Override
    public void write(Notice notice, TaggedOutput out) {
        out.string(ORDER_ID, notice.orderId)
                .string(EMAIL, notice.email)
                .string(TRACE_ID, notice.traceId)
                .string(SHIPMENT_EVENT_ID, notice.shipmentEventId)
                .string(CARRIER, notice.carrier)
                .string(TRACKING_NUMBER, notice.trackingNumber)
                .flag(CONFIRMATION_SENT, notice.confirmationSent)
                .string(CANCEL_EVENT_ID, notice.cancelEventId)
                .string(CANCEL_REASON, notice.cancelReason)
                .string(CANCEL_MESSAGE, notice.cancelMessage)
                .number(CANCELLATION_DUE_AT, notice.cancellationDueAt)
                .flag(CANCELLATION_SENT, notice.cancellationSent);
        if (notice.refundedCents != null) {
            out.number(REFUNDED_CENTS, notice.refundedCents);
        }
        out.string(REFUND_CURRENCY, notice.refundCurrency);
    }

    @Override
    public Notice read(TaggedInput in) {
        Notice notice = new Notice();
        while (in.next()) {
            switch (in.tag()) {
                case ORDER_ID -> notice.orderId = in.string();
                case EMAIL -> notice.email = in.string();
                case TRACE_ID -> notice.traceId = in.string();
                case SHIPMENT_EVENT_ID -> notice.shipmentEventId = in.string();
                case CARRIER -> notice.carrier = in.string();
                case TRACKING_NUMBER -> notice.trackingNumber = in.string();
                case CONFIRMATION_SENT -> notice.confirmationSent = in.flag();
                case CANCEL_EVENT_ID -> notice.cancelEventId = in.string();
                case CANCEL_REASON -> notice.cancelReason = in.string();
                case CANCEL_MESSAGE -> notice.cancelMessage = in.string();
                case CANCELLATION_DUE_AT -> notice.cancellationDueAt = in.number();
                case CANCELLATION_SENT -> notice.cancellationSent = in.flag();
                case REFUNDED_CENTS -> notice.refundedCents = in.number();
                case REFUND_CURRENCY -> notice.refundCurrency = in.string();
                default -> in.skip();
            }
        }
        return notice;
    }
}
