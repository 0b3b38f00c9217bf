package dev.troupe.payment;

import dev.troupe.payment.domain.CreditCommand;
import dev.troupe.payment.domain.Payment;
import dev.troupe.payment.domain.PaymentRules;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decides payments where the customer's credit is kept. Commands arrive keyed by customer id, so one task owns a
 * customer's credit, and the payments drawing on it, however many instances run; it publishes the payment's
 * events itself, keyed by order id.
 */
final class CreditProcessor implements Processor<String, CreditCommand, String, Object> {
    private final PaymentSteps.Dependencies dependencies;
    private PaymentSteps steps;

    CreditProcessor(PaymentSteps.Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        steps = new PaymentSteps(context, dependencies);
        steps.retryWhenDue();
    }

    @Override
    public void process(Record<String, CreditCommand> record) {
        CreditCommand command = record.value();
        Payment payment = steps.payment(command.orderId());
        steps.carryOut(
                payment,
                switch (command.kind()) {
                    case CHARGE ->
                        PaymentRules.onChargeRequested(
                                payment,
                                command,
                                steps.availableCredit(command.customerId()),
                                PaymentPublisher.paymentId(command.orderId()));
                    case UNDO -> PaymentRules.onUndo(payment, command.reason(), command.causeEventId());
                });
    }
}
