package dev.troupe.shipping.carrier;

import dev.troupe.runtime.external.IdempotentLedger;
import dev.troupe.runtime.external.SimulatedFaults;

/**
 * A carrier kept in files ({@code CARRIER_DIR}): one entry per booking and per cancellation, under its
 * idempotency key. It fails, loses answers and slows down as told ({@code CARRIER_FAULT_RATE},
 * {@code CARRIER_LOST_ANSWER_RATE}, {@code CARRIER_LATENCY}).
 */
public final class SimulatedCarrier implements Carrier {
    private final IdempotentLedger ledger;
    private final SimulatedFaults faults;

    public SimulatedCarrier(IdempotentLedger ledger, SimulatedFaults faults) {
        this.ledger = ledger;
        this.faults = faults;
    }

    @Override
    public void book(String idempotencyKey, String carrier, String trackingNumber, String country) {
        faults.perform(
                "booking " + idempotencyKey,
                () -> ledger.record(idempotencyKey, "BOOK " + carrier + " " + trackingNumber + " " + country + "\n"));
    }

    @Override
    public void cancel(String idempotencyKey, String carrier, String trackingNumber) {
        faults.perform(
                "cancellation " + idempotencyKey,
                () -> ledger.record(idempotencyKey, "CANCEL " + carrier + " " + trackingNumber + "\n"));
    }

    @Override
    public boolean booked(String bookingKey) {
        return faults.ask(
                "lookup of " + bookingKey, () -> ledger.find(bookingKey).isPresent());
    }
}
