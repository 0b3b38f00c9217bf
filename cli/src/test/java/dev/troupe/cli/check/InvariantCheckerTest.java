package dev.troupe.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.EventMeta;
import dev.troupe.events.InventoryReserved;
import dev.troupe.events.NotificationSent;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCompleted;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.events.ReservedItem;
import dev.troupe.events.SampleEvents;
import dev.troupe.events.ShipmentCreated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class InvariantCheckerTest {
    private static final Map<String, Long> STOCK = Map.of("SKU-001", 10L, "SKU-017", 10L);
    private final List<ObservedEvent> events = new ArrayList<>();

    @Test
    void aCompletedOrderWithEveryStepOnceIsClean() {
        completedOrder("o-1");

        InvariantChecker.Report report = InvariantChecker.check(events, STOCK, 100_000);

        assertThat(report.violations()).isEmpty();
        assertThat(report.outcomes()).containsEntry("COMPLETED", 1);
    }

    @Test
    void aCancelledOrderWhoseChargeWasNotRefundedIsReported() {
        add("order.created", SampleEvents.orderCreated("o-2"));
        add("payment.completed", new PaymentCompleted(meta("o-2"), "p", 7_499L, "EUR"));
        add("order.cancelled", new OrderCancelled(meta("o-2"), "OUT_OF_STOCK", "x"));
        add("notification.sent", new NotificationSent(meta("o-2"), "EMAIL", "ORDER_CANCELLATION", "a@b.c"));

        assertThat(InvariantChecker.check(events, STOCK, 100_000).violations())
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.subject()).isEqualTo("o-2");
                    assertThat(v.detail()).contains("charges - refunds = 1");
                });
        add("payment.refunded", new PaymentRefunded(meta("o-2"), "p", 7_499L, "EUR", "OUT_OF_STOCK"));
        assertThat(InvariantChecker.check(events, STOCK, 100_000).clean()).isTrue();
    }

    @Test
    void anOrderWithoutEndOrWithTwoEndsIsReported() {
        add("order.created", SampleEvents.orderCreated("o-3"));
        completedOrder("o-4");
        add("order.cancelled", new OrderCancelled(meta("o-4"), "TIMED_OUT", "x"));

        assertThat(InvariantChecker.check(events, STOCK, 100_000).violations())
                .extracting(Violation::subject, Violation::invariant)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("o-3", "1 every order ends"),
                        org.assertj.core.groups.Tuple.tuple("o-4", "1 every order ends"));
    }

    @Test
    void stockHeldBeyondTheSeedAndCreditSpentBeyondTheLimitAreReported() {
        completedOrder("o-5");
        completedOrder("o-6");

        List<Violation> violations = InvariantChecker.check(events, Map.of("SKU-001", 3L, "SKU-017", 10L), 10_000)
                .violations();

        assertThat(violations)
                .extracting(Violation::invariant)
                .containsExactlyInAnyOrder("4 stock never below zero", "4 credit never below zero");
    }

    @Test
    void theSameEventTwiceIsReported() {
        completedOrder("o-7");
        events.add(events.get(1));

        assertThat(InvariantChecker.check(events, STOCK, 100_000).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.invariant()).isEqualTo("6 processed once"));
    }

    private void completedOrder(String orderId) {
        OrderCreated created = SampleEvents.orderCreated(orderId);
        add("order.created", created);
        add("payment.completed", new PaymentCompleted(meta(orderId), "p", created.getTotalCents(), "EUR"));
        add("inventory.reserved", new InventoryReserved(meta(orderId), "r", List.of(new ReservedItem("SKU-001", 2))));
        add("shipment.created", new ShipmentCreated(meta(orderId), "s", "DHL", "T"));
        add("order.completed", new OrderCompleted(meta(orderId), "s", "T"));
        add("notification.sent", new NotificationSent(meta(orderId), "EMAIL", "ORDER_CONFIRMATION", "a@b.c"));
    }

    private void add(String topic, SpecificRecord event) {
        events.add(new ObservedEvent(topic, 0, events.size(), 0, event));
    }

    private static EventMeta meta(String orderId) {
        return new EventMeta(UUID.randomUUID().toString(), orderId, "c", Instant.now(), "test");
    }
}
