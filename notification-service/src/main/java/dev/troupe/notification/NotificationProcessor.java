package dev.troupe.notification;

import dev.troupe.events.EventMeta;
import dev.troupe.events.NotificationSent;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.PaymentRefunded;
import dev.troupe.events.ShipmentCreated;
import dev.troupe.events.Topics;
import dev.troupe.notification.domain.Notice;
import dev.troupe.notification.domain.NotificationRules;
import dev.troupe.notification.domain.Outgoing;
import dev.troupe.notification.domain.Template;
import dev.troupe.notification.mail.Email;
import dev.troupe.notification.mail.Mailer;
import dev.troupe.runtime.CurrentRecord;
import dev.troupe.runtime.Events;
import dev.troupe.runtime.OrderKeys;
import dev.troupe.runtime.Outputs;
import dev.troupe.runtime.TimeKeys;
import dev.troupe.runtime.TraceContext;
import dev.troupe.runtime.external.PendingCall;
import dev.troupe.runtime.external.RetryPolicy;
import dev.troupe.runtime.external.RetryQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sends each order's confirmation and cancellation e-mail once and publishes {@code notification.sent}. The
 * mail goes out before the state that remembers it is committed: a crash in between sends the same message
 * (same idempotency key) again, never a different one. A mail server that cannot take a message now gets it
 * again later, from the retry queue, while the partition's other orders go on.
 */
final class NotificationProcessor implements Processor<String, SpecificRecord, String, Object> {
    static final String NOTICES = "notices";
    /** Keys {@code <13-digit due millis>|<orderId>} of cancellations waiting for their refund. */
    static final String WAITING = "notices-waiting";

    private static final String SOURCE = "notification-service";

    /** E-mails the mail server could not take yet. */
    static final String MAIL_RETRIES = "mail-retries";

    private final Mailer mailer;
    private final Duration refundWait;
    private final RetryPolicy retryPolicy;
    private final MeterRegistry meters;
    private RetryQueue retries;
    private KeyValueStore<String, Notice> notices;
    private KeyValueStore<String, String> waiting;
    private Outputs outputs;

    NotificationProcessor(NotificationSettings settings, MeterRegistry meters) {
        this.mailer = settings.mailer();
        this.refundWait = settings.refundWait();
        this.retryPolicy = settings.retryPolicy();
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        notices = context.getStateStore(NOTICES);
        waiting = context.getStateStore(WAITING);
        outputs = new Outputs(context);
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::sendOverdueCancellations);
        retries = new RetryQueue(context, MAIL_RETRIES, "mail", retryPolicy, meters);
        retries.retryWhenDue(call -> {
            Notice notice = notices.get(call.orderId());
            if (notice != null) {
                send(notice, NotificationRules.message(notice, Template.ofStep(call.step())), call);
            }
        });
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        EventMeta meta = OrderKeys.checkedMeta(record.key(), record.value());
        Notice notice = notices.get(meta.getOrderId());
        if (notice == null) {
            notice = new Notice(meta.getOrderId());
        }
        if (notice.traceId == null) {
            notice.traceId = CurrentRecord.trace().map(TraceContext::traceId).orElse(null);
        }
        boolean wasWaiting = notice.cancellationPending();
        SpecificRecord event = record.value();
        if (event instanceof OrderCreated created) {
            NotificationRules.onOrderCreated(notice, created.getEmail());
        } else if (event instanceof ShipmentCreated shipped) {
            NotificationRules.onShipmentCreated(
                    notice, meta.getEventId(), shipped.getCarrier(), shipped.getTrackingNumber());
        } else if (event instanceof OrderCancelled cancelled) {
            NotificationRules.onCancelled(
                    notice,
                    cancelled.getReason(),
                    cancelled.getMessage(),
                    meta.getEventId(),
                    outputs.now(),
                    refundWait);
        } else if (event instanceof PaymentRefunded refunded) {
            NotificationRules.onRefunded(notice, refunded.getAmountCents(), refunded.getCurrency());
        }
        sendDue(notice, wasWaiting);
    }

    private void sendOverdueCancellations(long now) {
        try (var due = waiting.range(TimeKeys.of(0, ""), TimeKeys.of(now, "\uffff"))) {
            due.forEachRemaining(entry -> {
                Notice notice = notices.get(entry.value);
                if (notice != null) {
                    sendDue(notice, true);
                }
            });
        }
    }

    private void sendDue(Notice notice, boolean wasWaiting) {
        for (Outgoing message : NotificationRules.due(notice, outputs.now())) {
            send(
                    notice,
                    message,
                    PendingCall.first(notice.orderId, message.template().step(), outputs.now(), notice.traceId));
        }
        if (wasWaiting && !notice.cancellationPending()) {
            waiting.delete(TimeKeys.of(notice.cancellationDueAt, notice.orderId));
        } else if (!wasWaiting && notice.cancellationPending()) {
            waiting.put(TimeKeys.of(notice.cancellationDueAt, notice.orderId), notice.orderId);
        }
        notices.put(notice.orderId, notice);
    }

    /** Sends now or, if the mail server cannot take it now, from the retry queue later; never gives up. */
    private void send(Notice notice, Outgoing message, PendingCall call) {
        RetryQueue.Attempt sending = retries.attempt(
                call,
                () -> mailer.send(new Email(call.idempotencyKey(), message.to(), message.subject(), message.body())));
        if (sending == RetryQueue.Attempt.SUCCEEDED) {
            outputs.event(
                    Topics.NOTIFICATION_SENT,
                    new NotificationSent(
                            Events.causedBy(
                                    message.causeEventId(),
                                    notice.orderId,
                                    Topics.NOTIFICATION_SENT.name(),
                                    SOURCE,
                                    outputs.now()),
                            "EMAIL",
                            message.template().name(),
                            message.to()),
                    notice.traceId);
        }
    }
}
