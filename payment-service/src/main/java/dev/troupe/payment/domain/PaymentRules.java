package dev.troupe.payment.domain;

import dev.troupe.payment.domain.PaymentDecision.GatewayCall;
import dev.troupe.payment.domain.PaymentDecision.Kind;
import dev.troupe.payment.domain.PaymentDecision.Outcome;

/**
 * The payment service's part of the saga, per order: hold the amount on the customer's credit, then charge
 * it at the gateway — once, never for an order already seen as failed or cancelled — and refund it once,
 * whichever undo signal comes first, even when it arrives while the charge is still on its way. A gateway
 * that stays unavailable fails the payment, and the held credit is given back.
 */
public final class PaymentRules {
    public static final String GATEWAY_UNAVAILABLE = "GATEWAY_UNAVAILABLE";

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
        payment.status = PaymentStatus.REFUNDING;
        return PaymentDecision.call(GatewayCall.REFUND);
    }

    public static PaymentDecision onCreditResult(Payment payment, CreditResult result, String paymentId) {
        return switch (result.kind()) {
            case CHARGED -> creditHeld(payment, result, paymentId);
            case DECLINED -> declined(payment, result);
            case REFUNDED -> creditGivenBack(payment, result);
        };
    }

    public static PaymentDecision onGatewayCharged(Payment payment) {
        if (payment.status != PaymentStatus.CAPTURING) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.CHARGED;
        Outcome completed = new Outcome(Kind.COMPLETED, payment.chargeCauseEventId, null, null);
        if (payment.undoReason == null) {
            return PaymentDecision.publish(completed);
        }
        payment.status = PaymentStatus.REFUNDING;
        return PaymentDecision.publishAndCall(completed, GatewayCall.REFUND);
    }

    /** The gateway stayed unavailable past the retry bound: nothing was charged; the payment fails. */
    public static PaymentDecision onGatewayChargeGaveUp(Payment payment, String failure) {
        if (payment.status != PaymentStatus.CAPTURING) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.VOIDING;
        return PaymentDecision.publishAndSend(
                new Outcome(
                        Kind.FAILED,
                        payment.chargeCauseEventId,
                        GATEWAY_UNAVAILABLE,
                        "the payment gateway stayed unavailable: " + failure),
                command(payment, CreditCommand.Kind.REFUND, payment.chargeCauseEventId));
    }

    public static PaymentDecision onGatewayRefunded(Payment payment) {
        if (payment.status != PaymentStatus.REFUNDING) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.REFUND_REQUESTED;
        return PaymentDecision.send(command(payment, CreditCommand.Kind.REFUND, payment.undoEventId));
    }

    private static PaymentDecision creditHeld(Payment payment, CreditResult result, String paymentId) {
        if (payment.status != PaymentStatus.CHARGE_REQUESTED) {
            return PaymentDecision.NOTHING;
        }
        payment.paymentId = paymentId;
        payment.chargeCauseEventId = result.causeEventId();
        if (payment.undoReason != null) {
            // Cancelled before the gateway was asked: never charge it, give the credit back.
            payment.status = PaymentStatus.VOIDING;
            return PaymentDecision.send(command(payment, CreditCommand.Kind.REFUND, payment.undoEventId));
        }
        payment.status = PaymentStatus.CAPTURING;
        return PaymentDecision.call(GatewayCall.CHARGE);
    }

    private static PaymentDecision declined(Payment payment, CreditResult result) {
        if (payment.status != PaymentStatus.CHARGE_REQUESTED) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.DECLINED;
        return PaymentDecision.publish(
                new Outcome(Kind.FAILED, result.causeEventId(), "INSUFFICIENT_CREDIT", result.message()));
    }

    private static PaymentDecision creditGivenBack(Payment payment, CreditResult result) {
        if (payment.status == PaymentStatus.VOIDING) {
            payment.status = PaymentStatus.VOIDED;
            return PaymentDecision.NOTHING;
        }
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
