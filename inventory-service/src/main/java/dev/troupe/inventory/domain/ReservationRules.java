package dev.troupe.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inventory service's part of the saga, per order: once the order is known and paid, every SKU is asked
 * to hold its quantity; the order is reserved only if all of them do, and otherwise whatever was held is
 * given back. A reservation is released once on shipment.failed or order.cancelled, and never made for an
 * order already seen cancelled. Any arrival order gives the same outcome.
 */
public final class ReservationRules {
    private ReservationRules() {}

    public static ReservationDecision onOrderCreated(Reservation reservation, Map<String, Integer> lines) {
        if (reservation.items != null) {
            return ReservationDecision.NOTHING;
        }
        reservation.items = new TreeMap<>(lines);
        return maybeStart(reservation);
    }

    public static ReservationDecision onPaid(Reservation reservation, String eventId) {
        if (reservation.paidEventId != null) {
            return ReservationDecision.NOTHING;
        }
        reservation.paidEventId = eventId;
        return maybeStart(reservation);
    }

    public static ReservationDecision onUndo(Reservation reservation, String reason, String eventId) {
        if (reservation.undoReason != null) {
            return ReservationDecision.NOTHING;
        }
        reservation.undoReason = reason;
        reservation.undoEventId = eventId;
        if (reservation.status != ReservationStatus.RESERVED) {
            return ReservationDecision.NOTHING; // pending answers decide when they are all in
        }
        reservation.status = ReservationStatus.RELEASING;
        return ReservationDecision.send(release(reservation, reservation.items, eventId));
    }

    public static ReservationDecision onResult(Reservation reservation, StockResult result) {
        if (result.kind() == StockResult.Kind.RELEASED) {
            return released(reservation, result);
        }
        if (reservation.status != ReservationStatus.PENDING || reservation.answers.containsKey(result.sku())) {
            return ReservationDecision.NOTHING;
        }
        reservation.answers.put(result.sku(), result);
        return reservation.answers.size() == reservation.items.size()
                ? allAnswered(reservation)
                : ReservationDecision.NOTHING;
    }

    private static ReservationDecision maybeStart(Reservation reservation) {
        if (reservation.items == null
                || reservation.paidEventId == null
                || reservation.undoReason != null
                || reservation.status != ReservationStatus.NONE) {
            return ReservationDecision.NOTHING;
        }
        reservation.status = ReservationStatus.PENDING;
        List<StockCommand> commands = new ArrayList<>();
        reservation.items.forEach((sku, quantity) -> commands.add(new StockCommand(
                StockCommand.Kind.RESERVE, reservation.orderId, sku, quantity, reservation.paidEventId)));
        return ReservationDecision.send(commands);
    }

    private static ReservationDecision allAnswered(Reservation reservation) {
        List<StockResult> shortages = reservation.answers.values().stream()
                .filter(answer -> answer.kind() == StockResult.Kind.SHORT)
                .toList();
        Map<String, Integer> held = new TreeMap<>();
        reservation.answers.values().stream()
                .filter(answer -> answer.kind() == StockResult.Kind.HELD)
                .forEach(answer -> held.put(answer.sku(), answer.quantity()));
        if (!shortages.isEmpty()) {
            reservation.status = ReservationStatus.FAILED;
            return new ReservationDecision(
                    release(reservation, held, reservation.paidEventId), ReservationDecision.Publish.FAILED, shortages);
        }
        if (reservation.undoReason != null) {
            // Cancelled while the answers were on their way: give everything back, tell nobody it was held.
            reservation.status = ReservationStatus.RELEASING;
            return ReservationDecision.send(release(reservation, held, reservation.undoEventId));
        }
        reservation.status = ReservationStatus.RESERVED;
        reservation.reservedPublished = true;
        return new ReservationDecision(List.of(), ReservationDecision.Publish.RESERVED, List.of());
    }

    private static ReservationDecision released(Reservation reservation, StockResult result) {
        if (reservation.releasing.remove(result.sku()) == null
                || !reservation.releasing.isEmpty()
                || reservation.status != ReservationStatus.RELEASING) {
            return ReservationDecision.NOTHING;
        }
        reservation.status = ReservationStatus.RELEASED;
        return reservation.reservedPublished
                ? new ReservationDecision(List.of(), ReservationDecision.Publish.RELEASED, List.of())
                : ReservationDecision.NOTHING;
    }

    private static List<StockCommand> release(Reservation reservation, Map<String, Integer> skus, String causeEventId) {
        List<StockCommand> commands = new ArrayList<>();
        skus.forEach((sku, quantity) -> {
            reservation.releasing.put(sku, quantity);
            commands.add(new StockCommand(StockCommand.Kind.RELEASE, reservation.orderId, sku, quantity, causeEventId));
        });
        return commands;
    }
}
