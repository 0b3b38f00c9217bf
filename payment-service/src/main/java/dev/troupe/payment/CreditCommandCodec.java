package dev.troupe.payment;

import dev.troupe.payment.domain.CreditCommand;
import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;

/** A charge or an undoing as tagged fields, on the credit commands topic. */
final class CreditCommandCodec implements TaggedCodec<CreditCommand> {
    // The tags are the sent format: never renumber one or give it to another field.
    private static final int KIND = 1;
    private static final int ORDER_ID = 2;
    private static final int CUSTOMER_ID = 3;
    private static final int AMOUNT_CENTS = 4;
    private static final int CURRENCY = 5;
    private static final int REASON = 6;
    private static final int CAUSE_EVENT_ID = 7;

    @Override
    public void write(CreditCommand command, TaggedOutput out) {
        out.name(KIND, command.kind())
                .string(ORDER_ID, command.orderId())
                .string(CUSTOMER_ID, command.customerId())
                .number(AMOUNT_CENTS, command.amountCents())
                .string(CURRENCY, command.currency())
                .string(REASON, command.reason())
                .string(CAUSE_EVENT_ID, command.causeEventId());
    }

    @Override
    public CreditCommand read(TaggedInput in) {
        CreditCommand.Kind kind = null;
        String orderId = null;
        String customerId = null;
        long amountCents = 0;
        String currency = null;
        String reason = null;
        String causeEventId = null;
        while (in.next()) {
            switch (in.tag()) {
                case KIND -> kind = in.name(CreditCommand.Kind.class);
                case ORDER_ID -> orderId = in.string();
                case CUSTOMER_ID -> customerId = in.string();
                case AMOUNT_CENTS -> amountCents = in.number();
                case CURRENCY -> currency = in.string();
                case REASON -> reason = in.string();
                case CAUSE_EVENT_ID -> causeEventId = in.string();
                default -> in.skip();
            }
        }
        return new CreditCommand(kind, orderId, customerId, amountCents, currency, reason, causeEventId);
    }
}
