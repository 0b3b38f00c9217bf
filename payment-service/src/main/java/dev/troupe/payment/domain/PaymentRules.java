package dev.troupe.payment.domain;

import dev.troupe.payment.domain.PaymentDecision.GatewayCall;
import dev.troupe.payment.domain.PaymentDecision.Kind;
import dev.troupe.payment.domain.PaymentDecision.Outcome;

/**
 * The payment service's part of the saga, per order, decided where the customer's credit is kept: hold the
 * amount on the credit — declined if it does not cover it, so credit never goes below zero — then charge it at
 * the gateway, once, never for an order already undone; refund it once, whichever undo signal comes first, even
 * when it arrives while the charge is still on its way. A gateway that stays unavailable fails the payment, and
 * the held credit is given back.
 */
public final class PaymentRules {
    public static final String GATEWAY_UNAVAILABLE = "GATEWAY_UNAVAILABLE";

    private PaymentRules() {}

    /**
     * @param availableCredit the customer's credit before this charge
     * @param paymentId the id the charge will have
     */
    public static PaymentDecision onChargeRequested(
            Payment payment, CreditCommand charge, long availableCredit, String paymentId) {
        if (payment.status != PaymentStatus.NONE || payment.undoReason != null) {
            return PaymentDecision.NOTHING;
        }
        payment.customerId = charge.customerId();
        payment.amountCents = charge.amountCents();
        payment.currency = charge.currency();
        payment.chargeCauseEventId = charge.causeEventId();
        if (charge.amountCents() > availableCredit) {
            payment.status = PaymentStatus.DECLINED;
            return PaymentDecision.publish(new Outcome(
                    Kind.FAILED,
                    charge.causeEventId(),
                    "INSUFFICIENT_CREDIT",
                    "charge of " + charge.amountCents() + " exceeds the available credit of " + availableCredit));
        }
        payment.paymentId = paymentId;
        payment.status = PaymentStatus.CAPTURING;
        return PaymentDecision.holdAndCall(charge.amountCents(), GatewayCall.CHARGE);
    }

    /** A failure downstream or the order's cancellation: the charge, if any, must be undone. */
    public static PaymentDecision onUndo(Payment payment, String reason, String eventId) {
        if (payment.undoReason != null) {
            return PaymentDecision.NOTHING;
        }
        payment.undoReason = reason;
        payment.undoEventId = eventId;
        if (payment.status != PaymentStatus.CHARGED) {
            return PaymentDecision.NOTHING; // a charge on its way is refunded once it lands
        }
        payment.status = PaymentStatus.REFUNDING;
        return PaymentDecision.call(GatewayCall.REFUND);
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

    /**
     * The gateway stayed unavailable past the retry bound, and says it holds no charge for the order (an attempt
     * may have charged with its answer lost: the retry queue asks before it gives up). The payment fails.
     */
    public static PaymentDecision onGatewayChargeGaveUp(Payment payment) {
        if (payment.status != PaymentStatus.CAPTURING) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.VOIDED;
        return PaymentDecision.publishAndGiveBack(
                new Outcome(
                        Kind.FAILED,
                        payment.chargeCauseEventId,
                        GATEWAY_UNAVAILABLE,
                        "the payment gateway stayed unavailable past the retry bound and holds no charge for the"
                                + " order"),
                payment.amountCents);
    }

    public static PaymentDecision onGatewayRefunded(Payment payment) {
        if (payment.status != PaymentStatus.REFUNDING) {
            return PaymentDecision.NOTHING;
        }
        payment.status = PaymentStatus.REFUNDED;
        return PaymentDecision.publishAndGiveBack(
                new Outcome(Kind.REFUNDED, payment.undoEventId, payment.undoReason, null), payment.amountCents);
    }
}
