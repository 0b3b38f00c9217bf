package dev.troupe.payment;

import dev.troupe.events.Topics;
import dev.troupe.payment.domain.CreditCommand;
import dev.troupe.payment.domain.CreditResult;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.EventTopology;
import dev.troupe.runtime.JsonSerde;
import dev.troupe.runtime.external.RetryQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The payment service in two steps: per order (charge on order.created, refund on the first undo signal,
 * both at the payment gateway), and per customer (the credit), joined by the service's own command and result
 * topics.
 */
public final class PaymentTopology {
    /** Charges and refunds, keyed by customer id. */
    public static final String CREDIT_COMMANDS = "payment-service.credit-commands";
    /** Their results, keyed by order id. */
    public static final String CREDIT_RESULTS = "payment-service.credit-results";

    private PaymentTopology() {}

    public static EventTopology build(SchemaRegistryClient registry, PaymentSettings settings, MeterRegistry meters) {
        EventTopology topology = new EventTopology(registry, meters);
        PaymentSteps.Dependencies dependencies =
                new PaymentSteps.Dependencies(settings.gateway(), settings.retryPolicy(), meters);
        String orders = topology.processor(
                "follow-orders",
                () -> new PaymentProcessor(dependencies),
                List.of(Topics.ORDER_CREATED, Topics.INVENTORY_FAILED, Topics.SHIPMENT_FAILED, Topics.ORDER_CANCELLED));
        String results = topology.processor(
                "apply-credit-results",
                () -> new PaymentProcessor.Results(dependencies),
                CREDIT_RESULTS,
                new JsonSerde<>(CreditResult.class));
        String credit = topology.processor(
                "keep-credit",
                () -> new CreditProcessor(settings.defaultCreditCents()),
                CREDIT_COMMANDS,
                new JsonSerde<>(CreditCommand.class));
        topology.topology().addStateStore(PaymentStores.payments(), orders, results);
        topology.topology().addStateStore(RetryQueue.store(PaymentStores.GATEWAY_RETRIES), orders, results);
        topology.topology().addStateStore(PaymentStores.credit(), credit);
        topology.sendsTo(CREDIT_COMMANDS, new JsonSerde<>(CreditCommand.class), orders, results);
        topology.sendsTo(CREDIT_RESULTS, new JsonSerde<>(CreditResult.class), credit);
        topology.sendsTo(Topics.PAYMENT_COMPLETED, orders, results);
        topology.sendsTo(Topics.PAYMENT_FAILED, orders, results);
        topology.sendsTo(Topics.PAYMENT_REFUNDED, orders, results);
        return topology;
    }
}
