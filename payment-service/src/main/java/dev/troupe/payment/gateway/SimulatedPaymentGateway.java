package dev.troupe.payment.gateway;

import dev.troupe.runtime.external.IdempotentLedger;
import dev.troupe.runtime.external.SimulatedFaults;

/**
 * A payment gateway kept in files ({@code PAYMENT_GATEWAY_DIR}): one entry per charge and per refund, under
 * its idempotency key. It fails, loses answers and slows down as told ({@code PAYMENT_GATEWAY_FAULT_RATE},
 * {@code PAYMENT_GATEWAY_LOST_ANSWER_RATE}, {@code PAYMENT_GATEWAY_LATENCY}).
 */
public final class SimulatedPaymentGateway implements PaymentGateway {
    private final IdempotentLedger ledger;
    private final SimulatedFaults faults;

    public SimulatedPaymentGateway(IdempotentLedger ledger, SimulatedFaults faults) {
        this.ledger = ledger;
        this.faults = faults;
    }

    @Override
    public void charge(String idempotencyKey, String customerId, long amountCents, String currency) {
        faults.perform(
                "charge " + idempotencyKey,
                () -> ledger.record(
                        idempotencyKey, "CHARGE " + customerId + " " + amountCents + " " + currency + "\n"));
    }

    @Override
    public void refund(String idempotencyKey, String paymentId, long amountCents, String currency) {
        faults.perform(
                "refund " + idempotencyKey,
                () -> ledger.record(idempotencyKey, "REFUND " + paymentId + " " + amountCents + " " + currency + "\n"));
    }

    @Override
    public boolean charged(String chargeKey) {
        return faults.ask("lookup of " + chargeKey, () -> ledger.find(chargeKey).isPresent());
    }
}
