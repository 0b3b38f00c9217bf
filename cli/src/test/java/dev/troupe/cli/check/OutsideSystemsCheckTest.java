package dev.troupe.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.EventMeta;
import dev.troupe.events.NotificationSent;
import dev.troupe.events.PaymentCompleted;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.notification.mail.Email;
import dev.troupe.notification.mail.FileOutboxMailer;
import dev.troupe.runtime.external.IdempotentLedger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutsideSystemsCheckTest {
    @TempDir
    Path directory;

    private final List<ObservedEvent> events = new ArrayList<>();

    @Test
    void booksThatMatchTheEventsAreClean() {
        IdempotentLedger gateway = new IdempotentLedger(directory.resolve("gateway"));
        gateway.record("o-1-charge", "CHARGE c 500 EUR");
        gateway.record("o-1-charge", "CHARGE c 500 EUR");
        new FileOutboxMailer(directory.resolve("outbox"))
                .send(new Email("o-1-order-confirmation", "a@b.c", "Shipped", "Shipped."));
        add("payment.completed", new PaymentCompleted(meta("o-1"), "p-1", 500L, "EUR"));
        add("notification.sent", new NotificationSent(meta("o-1"), "EMAIL", "ORDER_CONFIRMATION", "a@b.c"));

        assertThat(check("o-1")).isEmpty();
    }

    @Test
    void anEffectWithoutItsEventAndAnEventWithoutItsEffectAreBothReported() {
        new IdempotentLedger(directory.resolve("gateway")).record("o-2-charge", "CHARGE c 500 EUR");
        add("payment.refunded", new PaymentRefunded(meta("o-2"), "p-2", 500L, "EUR", "OUT_OF_STOCK"));

        assertThat(check("o-2"))
                .extracting(Violation::detail)
                .containsExactlyInAnyOrder(
                        "charge done (o-2-charge on the books) but never published",
                        "refund published but o-2-refund is not on the books");
    }

    private List<Violation> check(String orderId) {
        return OutsideSystemsCheck.check(
                events,
                List.of(orderId),
                new OutsideSystemsCheck.Books(
                        directory.resolve("gateway"), directory.resolve("carrier"), directory.resolve("outbox")));
    }

    private void add(String topic, SpecificRecord event) {
        events.add(new ObservedEvent(topic, 0, events.size(), 0, event));
    }

    private static EventMeta meta(String orderId) {
        return new EventMeta(UUID.randomUUID().toString(), orderId, "c", Instant.now(), "test");
    }
}
