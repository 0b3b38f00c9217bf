package dev.troupe.payment;

import dev.troupe.payment.domain.CreditCommand;
import dev.troupe.payment.domain.CreditRules;
import dev.troupe.runtime.Outputs;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each customer's available credit. Commands arrive keyed by customer id, so one task owns a
 * customer's credit however many instances run; results go back keyed by order id.
 */
final class CreditProcessor implements Processor<String, CreditCommand, String, Object> {
    private final long defaultCreditCents;
    private KeyValueStore<String, Long> credit;
    private Outputs outputs;

    CreditProcessor(long defaultCreditCents) {
        this.defaultCreditCents = defaultCreditCents;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        credit = context.getStateStore(PaymentStores.CREDIT);
        outputs = new Outputs(context);
    }

    @Override
    public void process(Record<String, CreditCommand> record) {
        CreditCommand command = record.value();
        Long stored = credit.get(command.customerId());
        CreditRules.Applied applied = CreditRules.apply(stored == null ? defaultCreditCents : stored, command);
        credit.put(command.customerId(), applied.availableAfter());
        outputs.command(PaymentTopology.CREDIT_RESULTS, command.orderId(), applied.result());
    }
}
