package dev.troupe.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inventory service's part of the saga, per order. Every SKU is asked to hold its quantity as soon as the
 * order is created, while the payment is still on its way, so that the reservation is decided by the time the
 * order is paid; the verdict — reserved, or failed if any SKU could not hold — is published only once the order
 * is paid. Whatever was held for an order that fails or is undone first is given back, silently if nothing was
 * published. A published reservation is released once on shipment.failed or order.cancelled. Nothing is held
 * for an order already seen cancelled. Any arrival order gives the same outcome.
 */
public final class ReservationRules {
    private ReservationRules() {}

    public static ReservationDecision onOrderCreated(Reservation reservation, Map<String, Integer> lines) {
        if (reservation.items != null) {
            return ReservationDecision.NOTHING;
        }
        reservation.items = new TreeMap<>(lines);
        if (reservation.undoReason != null) {
            return ReservationDecision.NOTHING;
        }
        reservation.status = ReservationStatus.HOLDING;
        List<StockCommand> commands = new ArrayList<>();
        reservation.items.forEach((sku, quantity) ->
                commands.add(new StockCommand(StockCommand.Kind.RESERVE, reservation.orderId, sku, quantity)));
        return ReservationDecision.send(commands);
    }

    public static ReservationDecision onPaid(Reservation reservation, String eventId) {
        if (reservation.paidEventId != null) {
            return ReservationDecision.NOTHING;
        }
        reservation.paidEventId = eventId;
        return publishVerdict(reservation, List.of());
    }

    public static ReservationDecision onUndo(Reservation reservation, String reason, String eventId) {
        if (reservation.undoReason != null) {
            return ReservationDecision.NOTHING;
        }
        reservation.undoReason = reason;
        reservation.undoEventId = eventId;
        if (reservation.status != ReservationStatus.HELD && reservation.status != ReservationStatus.RESERVED) {
            return ReservationDecision.NOTHING; // pending answers decide when they are all in
        }
        reservation.status = ReservationStatus.RELEASING;
        return ReservationDecision.send(release(reservation, reservation.items));
    }

    public static ReservationDecision onResult(Reservation reservation, StockResult result) {
        if (result.kind() == StockResult.Kind.RELEASED) {
            return released(reservation, result);
        }
        if (reservation.status != ReservationStatus.HOLDING || reservation.answers.containsKey(result.sku())) {
            return ReservationDecision.NOTHING;
        }
        reservation.answers.put(result.sku(), result);
        return reservation.answers.size() == reservation.items.size()
                ? allAnswered(reservation)
                : ReservationDecision.NOTHING;
    }

    private static ReservationDecision allAnswered(Reservation reservation) {
        Map<String, Integer> held = new TreeMap<>();
        reservation.answers.values().stream()
                .filter(answer -> answer.kind() == StockResult.Kind.HELD)
                .forEach(answer -> held.put(answer.sku(), answer.quantity()));
        if (held.size() < reservation.items.size()) {
            reservation.status = ReservationStatus.SHORT;
            return publishVerdict(reservation, release(reservation, held));
        }
        if (reservation.undoReason != null) {
            // Undone while the answers were on their way: give everything back, tell nobody it was held.
            reservation.status = ReservationStatus.RELEASING;
            return ReservationDecision.send(release(reservation, held));
        }
        reservation.status = ReservationStatus.HELD;
        return publishVerdict(reservation, List.of());
    }

    /** Once the order is paid and every SKU has answered, and unless it was undone, says how it went. */
    private static ReservationDecision publishVerdict(Reservation reservation, List<StockCommand> commands) {
        if (reservation.paidEventId == null || reservation.undoReason != null) {
            return ReservationDecision.send(commands);
        }
        if (reservation.status == ReservationStatus.HELD) {
            reservation.status = ReservationStatus.RESERVED;
            reservation.reservedPublished = true;
            return new ReservationDecision(commands, ReservationDecision.Publish.RESERVED, List.of());
        }
        if (reservation.status == ReservationStatus.SHORT) {
            reservation.status = ReservationStatus.FAILED;
            List<StockResult> shortages = reservation.answers.values().stream()
                    .filter(answer -> answer.kind() == StockResult.Kind.SHORT)
                    .toList();
            return new ReservationDecision(commands, ReservationDecision.Publish.FAILED, shortages);
        }
        return ReservationDecision.send(commands);
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

    private static List<StockCommand> release(Reservation reservation, Map<String, Integer> skus) {
        List<StockCommand> commands = new ArrayList<>();
        skus.forEach((sku, quantity) -> {
            reservation.releasing.put(sku, quantity);
            commands.add(new StockCommand(StockCommand.Kind.RELEASE, reservation.orderId, sku, quantity));
        });
        return commands;
    }
}
