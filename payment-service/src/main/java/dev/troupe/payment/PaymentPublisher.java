package dev.troupe.payment;

import dev.troupe.events.DerivedIds;
import dev.troupe.events.EventMeta;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentFailed;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.events.Topic;
import dev.troupe.events.Topics;
import dev.troupe.payment.domain.Payment;
import dev.troupe.payment.domain.PaymentDecision;
import dev.troupe.runtime.Events;
import dev.troupe.runtime.Outputs;

/** Publishes the event a payment decision calls for. */
final class PaymentPublisher {
    static final String SOURCE = "payment-service";

    private final Outputs outputs;

    PaymentPublisher(Outputs outputs) {
        this.outputs = outputs;
    }

    /** One charge per order, so its id is derived from the order id. */
    static String paymentId(String orderId) {
        return "pay-" + DerivedIds.of(orderId, "payment");
    }

    /** Publishes the decision's event in the given trace (null: the order's own). */
    void carryOut(Payment payment, PaymentDecision decision, String traceId) {
        decision.publish().ifPresent(outcome -> {
            switch (outcome.kind()) {
                case COMPLETED ->
                    outputs.event(
                            Topics.PAYMENT_COMPLETED,
                            new PaymentCompleted(
                                    meta(payment, outcome.causeEventId(), Topics.PAYMENT_COMPLETED),
                                    payment.paymentId,
                                    payment.amountCents,
                                    payment.currency),
                            traceId);
                case FAILED ->
                    outputs.event(
                            Topics.PAYMENT_FAILED,
                            new PaymentFailed(
                                    meta(payment, outcome.causeEventId(), Topics.PAYMENT_FAILED),
                                    outcome.reason(),
                                    outcome.message()),
                            traceId);
                case REFUNDED ->
                    outputs.event(
                            Topics.PAYMENT_REFUNDED,
                            new PaymentRefunded(
                                    meta(payment, outcome.causeEventId(), Topics.PAYMENT_REFUNDED),
                                    payment.paymentId,
                                    payment.amountCents,
                                    payment.currency,
                                    outcome.reason()),
                            traceId);
            }
        });
    }

    private EventMeta meta(Payment payment, String causeEventId, Topic<?> topic) {
        return Events.causedBy(causeEventId, payment.orderId, topic.name(), SOURCE, outputs.now());
    }
}
