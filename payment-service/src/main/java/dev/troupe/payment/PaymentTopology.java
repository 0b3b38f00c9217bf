package dev.troupe.payment;

import dev.troupe.events.Topics;
import dev.troupe.payment.domain.CreditCommand;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.EventTopology;
import dev.troupe.runtime.TaggedSerde;
import dev.troupe.runtime.external.RetryQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The payment service in two steps: per order (route the charge when the order is created, and the first undo
 * signal) and per customer (the credit, and the payments drawing on it: hold, charge and refund at the payment
 * gateway, and publish the payment's events), joined by the service's own command topic.
 */
public final class PaymentTopology {
    /** Charges and undo signals, keyed by customer id. */
    public static final String CREDIT_COMMANDS = "payment-service.credit-commands";

    private PaymentTopology() {}

    public static EventTopology build(SchemaRegistryClient registry, PaymentSettings settings, MeterRegistry meters) {
        EventTopology topology = new EventTopology(registry, meters);
        TaggedSerde<CreditCommand> commands = new TaggedSerde<>(CreditCommand.class, new CreditCommandCodec());
        PaymentSteps.Dependencies dependencies = new PaymentSteps.Dependencies(
                settings.defaultCreditCents(), settings.gateway(), settings.retryPolicy(), meters);
        String orders = topology.processor(
                "route-orders",
                RoutingProcessor::new,
                List.of(Topics.ORDER_CREATED, Topics.INVENTORY_FAILED, Topics.SHIPMENT_FAILED, Topics.ORDER_CANCELLED));
        String credit =
                topology.processor("keep-credit", () -> new CreditProcessor(dependencies), CREDIT_COMMANDS, commands);
        topology.topology().addStateStore(PaymentStores.routes(), orders);
        topology.topology().addStateStore(PaymentStores.payments(), credit);
        topology.topology().addStateStore(PaymentStores.credit(), credit);
        topology.topology().addStateStore(RetryQueue.store(PaymentStores.GATEWAY_RETRIES), credit);
        topology.sendsTo(CREDIT_COMMANDS, commands, orders);
        topology.sendsTo(Topics.PAYMENT_COMPLETED, credit);
        topology.sendsTo(Topics.PAYMENT_FAILED, credit);
        topology.sendsTo(Topics.PAYMENT_REFUNDED, credit);
        return topology;
    }
}
