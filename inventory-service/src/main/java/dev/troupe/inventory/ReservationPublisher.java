package dev.troupe.inventory;

import dev.troupe.events.DerivedIds;
import dev.troupe.events.InventoryFailed;
import dev.troupe.events.InventoryReleased;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.ReservedItem;
import dev.troupe.events.Shortage;
import dev.troupe.events.Topics;
import dev.troupe.inventory.domain.Reservation;
import dev.troupe.inventory.domain.ReservationDecision;
import dev.troupe.inventory.domain.StockResult;
import dev.troupe.runtime.Events;
import dev.troupe.runtime.Outputs;

/** Turns a reservation decision into SKU commands and the event it calls for. */
final class ReservationPublisher {
    static final String SOURCE = "inventory-service";

    private final Outputs outputs;

    ReservationPublisher(Outputs outputs) {
        this.outputs = outputs;
    }

    static String reservationId(String orderId) {
        return "res-" + DerivedIds.of(orderId, "reservation");
    }

    void carryOut(Reservation reservation, ReservationDecision decision) {
        decision.commands()
                .forEach(command -> outputs.command(InventoryTopology.STOCK_COMMANDS, command.sku(), command));
        String orderId = reservation.orderId;
        long now = outputs.now();
        switch (decision.publish()) {
            case RESERVED ->
                outputs.event(
                        Topics.INVENTORY_RESERVED,
                        new InventoryReserved(
                                Events.causedBy(
                                        reservation.paidEventId,
                                        orderId,
                                        Topics.INVENTORY_RESERVED.name(),
                                        SOURCE,
                                        now),
                                reservationId(orderId),
                                reservation.items.entrySet().stream()
                                        .map(e -> new ReservedItem(e.getKey(), e.getValue()))
                                        .toList()));
            case FAILED ->
                outputs.event(
                        Topics.INVENTORY_FAILED,
                        new InventoryFailed(
                                Events.causedBy(
                                        reservation.paidEventId, orderId, Topics.INVENTORY_FAILED.name(), SOURCE, now),
                                decision.shortages().stream().allMatch(StockResult::known)
                                        ? "OUT_OF_STOCK"
                                        : "UNKNOWN_SKU",
                                decision.shortages().stream()
                                        .map(s -> new Shortage(s.sku(), s.quantity(), (int)
                                                Math.min(Integer.MAX_VALUE, s.available())))
                                        .toList()));
            case RELEASED ->
                outputs.event(
                        Topics.INVENTORY_RELEASED,
                        new InventoryReleased(
                                Events.causedBy(
                                        reservation.undoEventId,
                                        orderId,
                                        Topics.INVENTORY_RELEASED.name(),
                                        SOURCE,
                                        now),
                                reservationId(orderId),
                                reservation.undoReason));
            case NOTHING -> {}
        }
    }
}
