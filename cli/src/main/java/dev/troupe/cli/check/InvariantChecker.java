package dev.troupe.cli.check;

import dev.troupe.events.InventoryReserved;
import dev.troupe.events.NotificationSent;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.events.ReservedItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the invariants of DESIGN §4 from the events alone: every order ended once; a completed order was
 * charged, reserved, shipped and confirmed exactly once and never undone; a cancelled order has every
 * effect undone and one cancellation e-mail; no SKU was reserved beyond its stock and no customer charged
 * beyond the credit; no event appears twice.
 */
public final class InvariantChecker {
    /** What the check found: orders per outcome and every violation. */
    public record Report(Map<String, Integer> outcomes, List<Violation> violations, int orders) {
        public boolean clean() {
            return violations.isEmpty();
        }
    }

    private InvariantChecker() {}

    public static Report check(List<ObservedEvent> events, Map<String, Long> seededStock, long creditPerCustomer) {
        Map<String, OrderHistory> orders = new LinkedHashMap<>();
        events.forEach(
                e -> orders.computeIfAbsent(e.orderId(), OrderHistory::new).add(e));
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (OrderHistory order : orders.values()) {
            String outcome = checkOrder(order, violations);
            outcomes.merge(outcome, 1, Integer::sum);
        }
        checkStock(orders.values(), seededStock, violations);
        checkCredit(orders.values(), creditPerCustomer, violations);
        return new Report(outcomes, violations, orders.size());
    }

    private static String checkOrder(OrderHistory order, List<Violation> violations) {
        order.duplicates.forEach(d -> violations.add(new Violation(
                order.orderId,
                "6 processed once",
                "event " + d.meta().getEventId() + " appears again on " + d.topic() + " at " + d.partition() + "@"
                        + d.offset())));
        if (order.created() == null) {
            violations.add(
                    new Violation(order.orderId, "5 no input lost", "events for an order that was never created"));
        }
        long completed = order.count("order.completed");
        long cancelled = order.count("order.cancelled");
        if (completed + cancelled != 1) {
            violations.add(new Violation(
                    order.orderId,
                    "1 every order ends",
                    completed + cancelled == 0
                            ? "no terminal event"
                            : completed + " completion(s) and " + cancelled + " cancellation(s)"));
            return completed + cancelled == 0 ? "OPEN" : "CONFLICTING";
        }
        long charges = order.count("payment.completed");
        long refunds = order.count("payment.refunded");
        long reservations = order.count("inventory.reserved");
        long releases = order.count("inventory.released");
        long shipments = order.count("shipment.created");
        long shipmentCancellations = order.count("shipment.cancelled");
        if (completed == 1) {
            expect(order, violations, "2 completed", "charges", charges, 1);
            expect(order, violations, "2 completed", "refunds", refunds, 0);
            expect(order, violations, "2 completed", "reservations", reservations, 1);
            expect(order, violations, "2 completed", "releases", releases, 0);
            expect(order, violations, "2 completed", "shipments", shipments, 1);
            expect(order, violations, "2 completed", "shipment cancellations", shipmentCancellations, 0);
            expect(order, violations, "2 completed", "confirmations", notifications(order, "ORDER_CONFIRMATION"), 1);
            return "COMPLETED";
        }
        expect(order, violations, "3 cancelled", "charges - refunds", charges - refunds, 0);
        expect(order, violations, "3 cancelled", "reservations - releases", reservations - releases, 0);
        expect(order, violations, "3 cancelled", "live shipments", shipments - shipmentCancellations, 0);
        expect(order, violations, "3 cancelled", "cancellation e-mails", notifications(order, "ORDER_CANCELLATION"), 1);
        OrderCancelled cancellation =
                (OrderCancelled) order.on("order.cancelled").get(0).event();
        return "CANCELLED " + cancellation.getReason();
    }

    private static long notifications(OrderHistory order, String template) {
        return order.count(
                "notification.sent",
                e -> ((NotificationSent) e.event()).getTemplate().equals(template));
    }

    private static void expect(
            OrderHistory order, List<Violation> violations, String invariant, String what, long actual, long expected) {
        if (actual != expected) {
            violations.add(new Violation(order.orderId, invariant, what + " = " + actual + ", expected " + expected));
        }
    }

    /** Reservations never released (live or shipped) must fit in the seeded stock of every SKU. */
    private static void checkStock(
            Iterable<OrderHistory> orders, Map<String, Long> seededStock, List<Violation> violations) {
        Map<String, Long> held = new TreeMap<>();
        for (OrderHistory order : orders) {
            if (order.count("inventory.released") > 0) {
                continue;
            }
            for (ObservedEvent event : order.on("inventory.reserved")) {
                for (ReservedItem item : ((InventoryReserved) event.event()).getItems()) {
                    held.merge(item.getSku(), (long) item.getQuantity(), Long::sum);
                }
            }
        }
        held.forEach((sku, quantity) -> {
            long seeded = seededStock.getOrDefault(sku, 0L);
            if (quantity > seeded) {
                violations.add(new Violation(
                        sku, "4 stock never below zero", quantity + " held or shipped, " + seeded + " seeded"));
            }
        });
    }

    /** Charges not refunded must fit in every customer's credit. */
    private static void checkCredit(Iterable<OrderHistory> orders, long creditPerCustomer, List<Violation> violations) {
        Map<String, Long> spent = new TreeMap<>();
        for (OrderHistory order : orders) {
            OrderCreated created = order.created();
            if (created == null) {
                continue;
            }
            long charged = order.on("payment.completed").stream()
                    .mapToLong(e -> ((PaymentCompleted) e.event()).getAmountCents())
                    .sum();
            long refunded = order.on("payment.refunded").stream()
                    .mapToLong(e -> ((PaymentRefunded) e.event()).getAmountCents())
                    .sum();
            spent.merge(created.getCustomerId(), charged - refunded, Long::sum);
        }
        spent.forEach((customer, amount) -> {
            if (amount > creditPerCustomer) {
                violations.add(new Violation(
                        customer, "4 credit never below zero", amount + " charged, credit " + creditPerCustomer));
            }
        });
    }
}
