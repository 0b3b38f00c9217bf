package dev.troupe.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.events.SampleEvents;
import dev.troupe.events.ShipmentCreated;
import dev.troupe.events.Topics;
import dev.troupe.notification.mail.FileOutboxMailer;
import dev.troupe.notification.mail.Mailer;
import dev.troupe.runtime.TopologyHarness;
import dev.troupe.runtime.external.RetryPolicy;
import dev.troupe.runtime.external.TransientFailureException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationTopologyTest {
    @TempDir
    Path stateDir;

    @TempDir
    Path outbox;

    private final AtomicBoolean mailServerDown = new AtomicBoolean();
    private TopologyHarness harness;

    @BeforeEach
    void start() {
        Mailer outboxMailer = new FileOutboxMailer(outbox);
        Mailer mailer = email -> {
            if (mailServerDown.get()) {
                throw new TransientFailureException("mail server down");
            }
            outboxMailer.send(email);
        };
        NotificationSettings settings = new NotificationSettings(
                mailer,
                Duration.ofSeconds(5),
                new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)));
        harness = TopologyHarness.start(
                "notification-service",
                registry -> NotificationTopology.build(registry, settings, new SimpleMeterRegistry()),
                stateDir,
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void oneConfirmationPerOrderEvenWhenTheShipmentIsRedelivered() throws Exception {
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("o-1"));
        ShipmentCreated shipped = new ShipmentCreated(meta("o-1"), "ship-1", "DHL", "DH0000000001");
        harness.pipe(Topics.SHIPMENT_CREATED, shipped);
        harness.pipe(Topics.SHIPMENT_CREATED, shipped);

        assertThat(harness.read(Topics.NOTIFICATION_SENT)).singleElement().satisfies(sent -> {
            assertThat(sent.getTemplate()).isEqualTo("ORDER_CONFIRMATION");
            assertThat(sent.getChannel()).isEqualTo("EMAIL");
            assertThat(sent.getRecipient()).isEqualTo("ada@example.com");
            assertThat(sent.getMeta().getCausationId())
                    .isEqualTo(shipped.getMeta().getEventId());
        });
        assertThat(FileOutboxMailer.messages(outbox).get("o-1-order-confirmation"))
                .contains("DH0000000001");
    }

    @Test
    void theCancellationNamesTheRefundThatFollowedIt() throws Exception {
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("o-2"));
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-2"), "OUT_OF_STOCK", "SKU-017"));
        assertThat(harness.read(Topics.NOTIFICATION_SENT)).isEmpty();

        harness.pipe(Topics.PAYMENT_REFUNDED, new PaymentRefunded(meta("o-2"), "pay", 7_499L, "EUR", "OUT_OF_STOCK"));

        assertThat(harness.read(Topics.NOTIFICATION_SENT))
                .singleElement()
                .satisfies(sent -> assertThat(sent.getTemplate()).isEqualTo("ORDER_CANCELLATION"));
        assertThat(FileOutboxMailer.messages(outbox).get("o-2-order-cancellation"))
                .contains("74.99 EUR", "out of stock");
    }

    @Test
    void aCancellationWithoutRefundGoesOutWhenTheWaitIsOver() {
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("o-3"));
        harness.pipe(Topics.ORDER_CANCELLED, new OrderCancelled(meta("o-3"), "TIMED_OUT", "late"));

        harness.advanceWallClock(Duration.ofSeconds(3));
        assertThat(harness.read(Topics.NOTIFICATION_SENT)).isEmpty();
        harness.advanceWallClock(Duration.ofSeconds(3));

        assertThat(harness.read(Topics.NOTIFICATION_SENT))
                .singleElement()
                .satisfies(sent -> assertThat(sent.getTemplate()).isEqualTo("ORDER_CANCELLATION"));
        harness.advanceWallClock(Duration.ofSeconds(10));
        assertThat(harness.read(Topics.NOTIFICATION_SENT)).isEmpty();
    }

    @Test
    void aMessageTheMailServerCannotTakeIsSentOnceItCanWhileOtherOrdersGetTheirs() throws Exception {
        mailServerDown.set(true);
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("o-4"));
        harness.pipe(Topics.SHIPMENT_CREATED, new ShipmentCreated(meta("o-4"), "ship-4", "DHL", "DH0000000004"));
        for (int second = 0; second < 20; second++) {
            harness.advanceWallClock(Duration.ofSeconds(1));
        }
        assertThat(harness.read(Topics.NOTIFICATION_SENT)).isEmpty();

        mailServerDown.set(false);
        harness.pipe(Topics.ORDER_CREATED, SampleEvents.orderCreated("o-5"));
        harness.pipe(Topics.SHIPMENT_CREATED, new ShipmentCreated(meta("o-5"), "ship-5", "DHL", "DH0000000005"));
        assertThat(harness.read(Topics.NOTIFICATION_SENT))
                .extracting(sent -> sent.getMeta().getOrderId())
                .containsExactly("o-5");
        harness.advanceWallClock(Duration.ofSeconds(2));

        assertThat(harness.read(Topics.NOTIFICATION_SENT))
                .extracting(sent -> sent.getMeta().getOrderId())
                .containsExactly("o-4");
        assertThat(FileOutboxMailer.messages(outbox).get("o-4-order-confirmation"))
                .contains("DH0000000004");
        harness.advanceWallClock(Duration.ofSeconds(10));
        assertThat(harness.read(Topics.NOTIFICATION_SENT)).isEmpty();
    }

    private static EventMeta meta(String orderId) {
        return new EventMeta(
                UUID.randomUUID().toString(), orderId, UUID.randomUUID().toString(), Instant.now(), "test");
    }
}
