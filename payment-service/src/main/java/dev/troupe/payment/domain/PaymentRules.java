package dev.troupe.payment.domain;

import dev.troupe.payment.domain.PaymentDecision.Kind;
import dev.troupe.payment.domain.PaymentDecision.Outcome;

/**
 * The payment service's part of the saga, per order: charge once when the order is created, never for an
 * order already seen as failed or cancelled, and refund once — whichever undo signal comes first, and even
 * when it arrives while the charge is still on its way.
 */
public final class PaymentRules {
    private PaymentRules() {}

    public static PaymentDecision onOrderCreated(
            Payment payment, String customerId, long amountCents, String currency, String eventId) {
        if (payment.status != PaymentStatus.NONE || payment.customerId != null) {
            return PaymentDecision.NOTHING;
        }
        payment.customerId = customerId;
        payment.amountCents = amountCents;
        payment.currency = currency;
        if (payment.undoReason != null) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.CHARGE_REQUESTED;
        return PaymentDecision.send(command(payment, CreditCommand.Kind.CHARGE, eventId));
    }

    /** A failure downstream or the order's cancellation: the charge, if any, must be undone. */
    public static PaymentDecision onUndo(Payment payment, String reason, String eventId) {
        if (payment.undoReason != null) {
            return PaymentDecision.NOTHING;
        }
        payment.undoReason = reason;
        payment.undoEventId = eventId;
        if (payment.status != PaymentStatus.CHARGED) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.REFUND_REQUESTED;
        return PaymentDecision.send(command(payment, CreditCommand.Kind.REFUND, eventId));
    }

    public static PaymentDecision onCreditResult(Payment payment, CreditResult result, String paymentId) {
        return switch (result.kind()) {
            case CHARGED -> charged(payment, result, paymentId);
            case DECLINED -> declined(payment, result);
            case REFUNDED -> refunded(payment, result);
        };
    }

    private static PaymentDecision charged(Payment payment, CreditResult result, String paymentId) {
        if (payment.status != PaymentStatus.CHARGE_REQUESTED) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.CHARGED;
        payment.paymentId = paymentId;
        Outcome completed = new Outcome(Kind.COMPLETED, result.causeEventId(), null, null);
        if (payment.undoReason == null) {
            return PaymentDecision.publish(completed);
        }
        payment.status = PaymentStatus.REFUND_REQUESTED;
        return PaymentDecision.publishAndSend(
                completed, command(payment, CreditCommand.Kind.REFUND, payment.undoEventId));
    }

    private static PaymentDecision declined(Payment payment, CreditResult result) {
        if (payment.status != PaymentStatus.CHARGE_REQUESTED) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.DECLINED;
        return PaymentDecision.publish(
                new Outcome(Kind.FAILED, result.causeEventId(), "INSUFFICIENT_CREDIT", result.message()));
    }

    private static PaymentDecision refunded(Payment payment, CreditResult result) {
        if (payment.status != PaymentStatus.REFUND_REQUESTED) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.REFUNDED;
        return PaymentDecision.publish(new Outcome(Kind.REFUNDED, result.causeEventId(), payment.undoReason, null));
    }

    private static CreditCommand command(Payment payment, CreditCommand.Kind kind, String causeEventId) {
        return new CreditCommand(
                kind, payment.orderId, payment.customerId, payment.amountCents, payment.currency, causeEventId);
    }
}
