package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.check.PartitionScan;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.OrderCompleted;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.SampleEvents;
import dev.troupe.events.Topics;
import dev.troupe.inventory.Catalog;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison written by an independent client onto every input topic of every service, while orders flow: each
 * poison record lands, unchanged, in its topic's dead-letter topic once per service that reads the topic,
 * an invalid order ends CANCELLED INVALID_ORDER without a charge, and the next good order completes.
 */
@ExtendWith(DevStackExtension.class)
class PoisonInputEndToEndTest {
    private static final List<String> SERVICES = List.of(
            "order-service", "payment-service", "inventory-service", "shipping-service", "notification-service");

    @Test
    void poisonOnEveryInputTopicIsDeadLetteredByEveryReaderAndTheNextOrderCompletes(
            DevStack stack, @TempDir Path workDir) throws Exception {
        try (Deployment deployment = Deployment.startAll(stack, workDir, Map.of());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", deployment.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            SchemaRegistryClient registry = SchemaRegistryClient.of(deployment.schemaRegistryUrl());
            Map<String, Set<String>> readers = readersByTopic();
            for (String topic : readers.keySet()) {
                producer.send(new ProducerRecord<>(topic, ("poison-" + topic).getBytes(), "not avro".getBytes()))
                        .get();
            }
            producer.send(new ProducerRecord<>(
                            "order.created", "unknown-schema".getBytes(), new byte[] {0, 0, 0, 0x7f, 0x7f, 2, 3}))
                    .get();
            producer.send(new ProducerRecord<>(
                            "order.created",
                            "wrong-type".getBytes(),
                            Topics.ORDER_COMPLETED
                                    .valueSerde(registry)
                                    .serializer()
                                    // under its own subject: the registry rightly refuses it under order.created-value
                                    .serialize(
                                            "order.completed",
                                            new OrderCompleted(
                                                    SampleEvents.meta("wrong-type", "order-service"), "s", "t"))))
                    .get();
            producer.send(new ProducerRecord<>(
                            "order.created",
                            null,
                            Topics.ORDER_CREATED
                                    .valueSerde(registry)
                                    .serializer()
                                    .serialize("order.created", SampleEvents.orderCreated("keyless"))))
                    .get();
            OrderCreated invalid = SampleEvents.orderCreated("invalid-order");
            invalid.getItems().get(0).setQuantity(0);
            producer.send(new ProducerRecord<>(
                            "order.created",
                            "invalid-order".getBytes(),
                            Topics.ORDER_CREATED
                                    .valueSerde(registry)
                                    .serializer()
                                    .serialize("order.created", invalid)))
                    .get();

            OrderApiClient api = new OrderApiClient(deployment.orderApi());
            String good = api.place(OrderApiClient.order("after-the-poison", "DE", "SKU-031", 1, 900));

            assertThat(api.awaitEnd(good, Duration.ofSeconds(60)).get("status").asText())
                    .isEqualTo("COMPLETED");
            JsonNode rejected = api.awaitEnd("invalid-order", Duration.ofSeconds(60));
            assertThat(rejected.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(rejected.get("reason").asText()).isEqualTo("INVALID_ORDER");
            await("every poison record is dead-lettered by every reader")
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> {
                        Map<String, Set<String>> deadLettered = deadLetteredBy(deployment, readers.keySet());
                        readers.forEach((topic, services) -> assertThat(deadLettered.get(topic + "|poison-" + topic))
                                .as(topic)
                                .isEqualTo(services));
                        assertThat(deadLettered.get("order.created|unknown-schema"))
                                .isEqualTo(readers.get("order.created"));
                        assertThat(deadLettered.get("order.created|wrong-type"))
                                .isEqualTo(readers.get("order.created"));
                        assertThat(deadLettered.get("order.created|null")).isEqualTo(readers.get("order.created"));
                        assertThat(deadLettered.get("order.created|invalid-order"))
                                .containsExactlyInAnyOrder("order-service", "payment-service", "inventory-service");
                    });
            EventLog log = await("the invalid order settles")
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> EventLog.read(deployment),
                            l -> l.check(List.of("invalid-order", good), Catalog.bundled(), 100_000)
                                    .clean());
            assertThat(log.topicsOf("invalid-order"))
                    .doesNotContain("payment.completed", "inventory.reserved")
                    .contains("notification.sent");
        }
    }

    /** Which services read each event topic, from their real topologies. */
    private static Map<String, Set<String>> readersByTopic() {
        Map<String, Set<String>> readers = new HashMap<>();
        for (String service : SERVICES) {
            for (String input : Topologies.of(service).topics().inputs()) {
                if (Topics.byName(input).isPresent()) {
                    readers.computeIfAbsent(input, t -> new HashSet<>()).add(service);
                }
            }
        }
        return readers;
    }

    /** For every dead letter: "original topic|key" → the services that dead-lettered it. */
    private static Map<String, Set<String>> deadLetteredBy(Deployment deployment, Set<String> topics) {
        Map<String, Set<String>> byRecord = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", deployment.bootstrapServers(), "isolation.level", "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> partitions.add(new TopicPartition(DeadLetters.topicFor(topic), 0)));
            PartitionScan.readToEnd(consumer, partitions, Duration.ofSeconds(30), record -> {
                String original = new String(
                        record.headers().lastHeader(DeadLetters.ORIGINAL_TOPIC).value(), StandardCharsets.UTF_8);
                String service = new String(
                        record.headers().lastHeader(DeadLetters.SERVICE).value(), StandardCharsets.UTF_8);
                String key = record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8);
                byRecord.computeIfAbsent(original + "|" + key, k -> new HashSet<>())
                        .add(service);
            });
        }
        return byRecord;
    }
}
