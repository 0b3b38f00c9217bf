package dev.troupe.payment.domain;

import java.util.Optional;

/**
 * What to do after an event: at most one event to publish and at most one credit command to send.
 *
 * @param publish the fact to publish: a charge, a decline or a refund
 * @param command a charge or refund for the customer's credit
 */
public record PaymentDecision(Optional<Outcome> publish, Optional<CreditCommand> command) {
    public enum Kind {
        COMPLETED,
        FAILED,
        REFUNDED
    }

    /** The event to publish, caused by {@code causeEventId}. */
    public record Outcome(Kind kind, String causeEventId, String reason, String message) {}

    public static final PaymentDecision NOTHING = new PaymentDecision(Optional.empty(), Optional.empty());

    static PaymentDecision send(CreditCommand command) {
        return new PaymentDecision(Optional.empty(), Optional.of(command));
    }

    static PaymentDecision publish(Outcome outcome) {
        return new PaymentDecision(Optional.of(outcome), Optional.empty());
    }

    static PaymentDecision publishAndSend(Outcome outcome, CreditCommand command) {
        return new PaymentDecision(Optional.of(outcome), Optional.of(command));
    }
}
