package dev.troupe.payment.domain;

import java.util.Optional;

/**
 * What to do after an event: at most one event to publish, one credit command to send and one call to make
 * at the payment gateway.
 *
 * @param publish the fact to publish: a charge, a failure or a refund
 * @param command a charge or refund for the customer's credit
 * @param gatewayCall the charge or refund to make at the gateway
 */
public record PaymentDecision(
        Optional<Outcome> publish, Optional<CreditCommand> command, Optional<GatewayCall> gatewayCall) {
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

    public static final PaymentDecision NOTHING =
            new PaymentDecision(Optional.empty(), Optional.empty(), Optional.empty());

    static PaymentDecision send(CreditCommand command) {
        return new PaymentDecision(Optional.empty(), Optional.of(command), Optional.empty());
    }

    static PaymentDecision publish(Outcome outcome) {
        return new PaymentDecision(Optional.of(outcome), Optional.empty(), Optional.empty());
    }

    static PaymentDecision publishAndSend(Outcome outcome, CreditCommand command) {
        return new PaymentDecision(Optional.of(outcome), Optional.of(command), Optional.empty());
    }

    static PaymentDecision call(GatewayCall call) {
        return new PaymentDecision(Optional.empty(), Optional.empty(), Optional.of(call));
    }

    static PaymentDecision publishAndCall(Outcome outcome, GatewayCall call) {
        return new PaymentDecision(Optional.of(outcome), Optional.empty(), Optional.of(call));
    }
}
