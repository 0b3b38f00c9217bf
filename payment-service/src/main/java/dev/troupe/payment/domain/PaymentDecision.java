package dev.troupe.payment.domain;

import java.util.Optional;

/**
 * What to do after a command or a gateway answer: at most one event to publish, a change of the customer's
 * credit and one call to make at the payment gateway.
 *
 * @param publish the fact to publish: a charge, a failure or a refund
 * @param creditChange what to add to the customer's available credit (negative: a hold)
 * @param gatewayCall the charge or refund to make at the gateway
 */
public record PaymentDecision(Optional<Outcome> publish, long creditChange, Optional<GatewayCall> gatewayCall) {
    public enum Kind {
        COMPLETED,
        FAILED,
        REFUNDED
    }

    public enum GatewayCall {
        CHARGE,
        REFUND;

        /** With the order id, the call's idempotency key at the gateway. */
        public String step() {
            return name().toLowerCase();
        }
    }

    /** The event to publish, caused by {@code causeEventId}. */
    public record Outcome(Kind kind, String causeEventId, String reason, String message) {}

    public static final PaymentDecision NOTHING = new PaymentDecision(Optional.empty(), 0, Optional.empty());

    static PaymentDecision publish(Outcome outcome) {
        return new PaymentDecision(Optional.of(outcome), 0, Optional.empty());
    }

    static PaymentDecision publishAndGiveBack(Outcome outcome, long creditCents) {
        return new PaymentDecision(Optional.of(outcome), creditCents, Optional.empty());
    }

    static PaymentDecision holdAndCall(long creditCents, GatewayCall call) {
        return new PaymentDecision(Optional.empty(), -creditCents, Optional.of(call));
    }

    static PaymentDecision call(GatewayCall call) {
        return new PaymentDecision(Optional.empty(), 0, Optional.of(call));
    }

    static PaymentDecision publishAndCall(Outcome outcome, GatewayCall call) {
        return new PaymentDecision(Optional.of(outcome), 0, Optional.of(call));
    }
}
