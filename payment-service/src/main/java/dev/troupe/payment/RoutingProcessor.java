package dev.troupe.payment;

import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryFailed;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderCreatedChecks;
import dev.troupe.events.ShipmentFailed;
import dev.troupe.payment.domain.CreditResult;
import dev.troupe.payment.domain.Payment;
import dev.troupe.payment.domain.PaymentDecision;
import dev.troupe.payment.domain.PaymentRules;
import dev.troupe.runtime.OrderKeys;
import dev.troupe.runtime.RejectedEventException;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Per order: asks for the charge when the order is created, and for the refund on the first undo signal. */
final class PaymentProcessor implements Processor<String, SpecificRecord, String, Object> {
    private final PaymentSteps.Dependencies dependencies;
    private PaymentSteps steps;

    PaymentProcessor(PaymentSteps.Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        steps = new PaymentSteps(context, dependencies);
        steps.retryWhenDue();
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        EventMeta meta = OrderKeys.checkedMeta(record.key(), record.value());
        Payment payment = steps.payment(meta.getOrderId());
        steps.carryOut(payment, decide(payment, record.value(), meta.getEventId()));
    }

    private static PaymentDecision decide(Payment payment, SpecificRecord event, String eventId) {
        if (event instanceof OrderCreated created) {
            List<String> problems = OrderCreatedChecks.problems(created);
            if (!problems.isEmpty()) {
                // Never charged; the order service cancels it INVALID_ORDER.
                throw new RejectedEventException("INVALID_ORDER", String.join("; ", problems));
            }
            return PaymentRules.onOrderCreated(
                    payment, created.getCustomerId(), created.getTotalCents(), created.getCurrency(), eventId);
        }
        if (event instanceof InventoryFailed) {
            return PaymentRules.onUndo(payment, "OUT_OF_STOCK", eventId);
        }
        if (event instanceof ShipmentFailed) {
            return PaymentRules.onUndo(payment, "SHIPPING_FAILED", eventId);
        }
        if (event instanceof OrderCancelled cancelled) {
            return PaymentRules.onUndo(payment, cancelled.getReason(), eventId);
        }
        return PaymentDecision.NOTHING;
    }

    /** Results of credit commands come back here, by order id. */
    static final class Results implements Processor<String, CreditResult, String, Object> {
        private final PaymentSteps.Dependencies dependencies;
        private PaymentSteps steps;

        Results(PaymentSteps.Dependencies dependencies) {
            this.dependencies = dependencies;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            steps = new PaymentSteps(context, dependencies);
        }

        @Override
        public void process(Record<String, CreditResult> record) {
            Payment payment = steps.existingPayment(record.key());
            if (payment == null) {
                throw new RejectedEventException("UNKNOWN_ORDER", "credit result for unknown order " + record.key());
            }
            steps.carryOut(
                    payment,
                    PaymentRules.onCreditResult(payment, record.value(), PaymentPublisher.paymentId(payment.orderId)));
        }
    }
}
