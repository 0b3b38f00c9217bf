package dev.troupe.notification;

import dev.troupe.events.Topics;
import dev.troupe.notification.domain.Notice;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.EventTopology;
import dev.troupe.runtime.TaggedSerde;
import dev.troupe.runtime.external.RetryQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;

/** The notification service: a confirmation when an order ships, a cancellation when it is cancelled. */
public final class NotificationTopology {
    private NotificationTopology() {}

    public static EventTopology build(
            SchemaRegistryClient registry, NotificationSettings settings, MeterRegistry meters) {
        EventTopology topology = new EventTopology(registry, meters);
        String notify = topology.processor(
                "notify-customers",
                () -> new NotificationProcessor(settings, meters),
                List.of(
                        Topics.ORDER_CREATED,
                        Topics.SHIPMENT_CREATED,
                        Topics.ORDER_CANCELLED,
                        Topics.PAYMENT_REFUNDED));
        topology.topology()
                .addStateStore(
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(NotificationProcessor.NOTICES),
                                Serdes.String(),
                                new TaggedSerde<>(Notice.class, new NoticeCodec())),
                        notify);
        topology.topology()
                .addStateStore(
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(NotificationProcessor.WAITING),
                                Serdes.String(),
                                Serdes.String()),
                        notify);
        topology.topology().addStateStore(RetryQueue.store(NotificationProcessor.MAIL_RETRIES), notify);
        topology.sendsTo(Topics.NOTIFICATION_SENT, notify);
        return topology;
    }
}
