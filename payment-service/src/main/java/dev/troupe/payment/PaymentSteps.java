package dev.troupe.payment;

import dev.troupe.payment.domain.Payment;
import dev.troupe.payment.domain.PaymentDecision;
import dev.troupe.payment.domain.PaymentDecision.GatewayCall;
import dev.troupe.payment.domain.PaymentRules;
import dev.troupe.payment.domain.PaymentStatus;
import dev.troupe.payment.gateway.PaymentGateway;
import dev.troupe.runtime.CurrentRecord;
import dev.troupe.runtime.Outputs;
import dev.troupe.runtime.TraceContext;
import dev.troupe.runtime.external.PendingCall;
import dev.troupe.runtime.external.RetryPolicy;
import dev.troupe.runtime.external.RetryQueue;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Carries out payment decisions: publishes their events, changes the customer's credit and makes their gateway
 * calls, feeding each call's result back into {@link PaymentRules}. A gateway call that fails for now is
 * retried later from the retry queue, while the partition's other orders go on; past the retry bound, a charge
 * is looked up at the gateway before the payment fails.
 */
final class PaymentSteps {
    private final KeyValueStore<String, Payment> payments;
    private final KeyValueStore<String, Long> credit;
    private final long defaultCreditCents;
    private final PaymentPublisher publisher;
    private final PaymentGateway gateway;
    private final RetryQueue retries;
    private final Outputs outputs;

    PaymentSteps(ProcessorContext<String, Object> context, Dependencies dependencies) {
        this.payments = context.getStateStore(PaymentStores.PAYMENTS);
        this.credit = context.getStateStore(PaymentStores.CREDIT);
        this.defaultCreditCents = dependencies.defaultCreditCents();
        this.outputs = new Outputs(context);
        this.publisher = new PaymentPublisher(outputs);
        this.gateway = dependencies.gateway();
        this.retries = new RetryQueue(
                context,
                PaymentStores.GATEWAY_RETRIES,
                "payment-gateway",
                dependencies.retryPolicy(),
                dependencies.meters());
    }

    /** What the processors need beyond their context. */
    record Dependencies(
            long defaultCreditCents, PaymentGateway gateway, RetryPolicy retryPolicy, MeterRegistry meters) {}

    Payment payment(String orderId) {
        Payment payment = payments.get(orderId);
        return payment == null ? new Payment(orderId) : payment;
    }

    /** The customer's available credit: the default until the customer's first charge. */
    long availableCredit(String customerId) {
        Long stored = credit.get(customerId);
        return stored == null ? defaultCreditCents : stored;
    }

    /** Carries out a decision taken while processing a record, and stores the payment. */
    void carryOut(Payment payment, PaymentDecision decision) {
        carryOut(
                payment,
                decision,
                CurrentRecord.trace().map(TraceContext::traceId).orElse(null));
        payments.put(payment.orderId, payment);
    }

    void retryWhenDue() {
        retries.retryWhenDue(call -> {
            Payment payment = payments.get(call.orderId());
            if (payment != null) {
                attempt(payment, call);
                payments.put(payment.orderId, payment);
            }
        });
    }

    private void carryOut(Payment payment, PaymentDecision decision, String traceId) {
        publisher.carryOut(payment, decision, traceId);
        if (decision.creditChange() != 0) {
            credit.put(payment.customerId, availableCredit(payment.customerId) + decision.creditChange());
        }
        decision.gatewayCall()
                .ifPresent(call ->
                        attempt(payment, PendingCall.first(payment.orderId, call.step(), outputs.now(), traceId)));
    }

    private void attempt(Payment payment, PendingCall call) {
        switch (GatewayCall.valueOf(call.step().toUpperCase())) {
            case CHARGE -> {
                if (payment.status == PaymentStatus.CAPTURING) {
                    charge(payment, call);
                }
            }
            case REFUND -> {
                if (payment.status == PaymentStatus.REFUNDING) {
                    refund(payment, call);
                }
            }
        }
    }

    private void charge(Payment payment, PendingCall call) {
        switch (retries.attemptOrGiveUp(
                call,
                () -> gateway.charge(call.idempotencyKey(), payment.customerId, payment.amountCents, payment.currency),
                () -> gateway.charged(call.idempotencyKey()))) {
            case SUCCEEDED -> carryOut(payment, PaymentRules.onGatewayCharged(payment), call.traceId());
            case GAVE_UP -> carryOut(payment, PaymentRules.onGatewayChargeGaveUp(payment), call.traceId());
            case PARKED -> {}
        }
    }

    private void refund(Payment payment, PendingCall call) {
        RetryQueue.Attempt refund = retries.attempt(
                call,
                () -> gateway.refund(call.idempotencyKey(), payment.paymentId, payment.amountCents, payment.currency));
        if (refund == RetryQueue.Attempt.SUCCEEDED) {
            carryOut(payment, PaymentRules.onGatewayRefunded(payment), call.traceId());
        }
    }
}
