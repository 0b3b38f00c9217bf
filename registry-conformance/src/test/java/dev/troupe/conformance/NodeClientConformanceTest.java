package dev.troupe.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.SampleEvents;
import dev.troupe.events.Topic;
import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kafkajs and @kafkajs/confluent-schema-registry in Node, against troupe's serde, registry and a real broker:
 * every event type Java writes decodes in Node, and what Node writes with a newer schema decodes in Java.
 */
@ExtendWith(DevStackExtension.class)
class NodeClientConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void nodeAndItsPackages() throws Exception {
        assumeTrue(
                NodeScripts.nodeIsInstalled(),
                "node is not installed on this machine, so the Node conformance test cannot run");
        NodeScripts.installPackages();
    }

    @Test
    void everyEventTypeWrittenByTroupeDecodesInNode(DevStack stack) throws Exception {
        String orderId = "node-" + UUID.randomUUID();
        Map<Topic<?>, SpecificRecord> events = SampleEvents.oneOfEach(orderId);
        createTopics(stack, events.keySet().stream().map(Topic::name).collect(Collectors.toSet()));
        AvroSerializer<SpecificRecord> serializer =
                new AvroSerializer<>(SchemaRegistryClient.of(stack.schemaRegistryUrl()));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()), new StringSerializer(), serializer)) {
            for (Map.Entry<Topic<?>, SpecificRecord> event : events.entrySet()) {
                producer.send(new ProducerRecord<>(event.getKey().name(), orderId, event.getValue()))
                        .get(30, TimeUnit.SECONDS);
            }
        }

        String output = NodeScripts.node(
                "decode.mjs",
                "--brokers=" + stack.bootstrapServers(),
                "--registry=" + stack.schemaRegistryUrl(),
                "--topics=" + events.keySet().stream().map(Topic::name).collect(Collectors.joining(",")),
                "--order=" + orderId);

        Map<String, JsonNode> decoded = new HashMap<>();
        for (String line : output.strip().split("\n")) {
            JsonNode row = JSON.readTree(line);
            decoded.put(row.get("topic").asText(), row.get("value"));
        }
        assertThat(decoded).hasSize(Topics.ALL.size());
        for (Map.Entry<Topic<?>, SpecificRecord> event : events.entrySet()) {
            assertThat(decoded.get(event.getKey().name()))
                    .as(event.getKey().name())
                    .isEqualTo(AvroJson.of(event.getValue()));
        }
    }

    @Test
    void anOrderNodeWritesWithANewerCompatibleSchemaDecodesInJava(DevStack stack, @TempDir Path dir) throws Exception {
        String topic = "node.order.created." + UUID.randomUUID().toString().substring(0, 8);
        String orderId = "from-node-" + UUID.randomUUID();
        SchemaRegistryClient registry = SchemaRegistryClient.of(stack.schemaRegistryUrl());
        int javaId = registry.register(topic + "-value", OrderCreated.getClassSchema());
        createTopics(stack, Set.of(topic));
        Path newer = dir.resolve("order-created-v2.avsc");
        Files.writeString(newer, withGiftMessage(OrderCreated.getClassSchema().toString()));

        JsonNode answer = JSON.readTree(NodeScripts.node(
                "encode.mjs",
                "--brokers=" + stack.bootstrapServers(),
                "--registry=" + stack.schemaRegistryUrl(),
                "--topic=" + topic,
                "--schema=" + newer,
                "--order=" + orderId));

        int nodeId = answer.get("id").asInt();
        assertThat(nodeId).isNotEqualTo(javaId);
        assertThat(registry.versions(topic + "-value")).containsExactly(1, 2);
        ConsumerRecord<String, byte[]> record = readOne(stack, topic);
        assertThat(ByteBuffer.wrap(record.value(), 1, 4).getInt()).isEqualTo(nodeId);
        OrderCreated order =
                Topics.ORDER_CREATED.valueSerde(registry).deserializer().deserialize(topic, record.value());
        assertThat(record.key()).isEqualTo(orderId);
        assertThat(order.getMeta().getOrderId()).isEqualTo(orderId);
        assertThat(order.getMeta().getCausationId()).isNull();
        assertThat(order.getMeta().getOccurredAt().toEpochMilli()).isEqualTo(1_700_000_000_123L);
        assertThat(order.getCustomerId()).isEqualTo("node-customer");
        assertThat(order.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getSku()).isEqualTo("SKU-042");
            assertThat(item.getQuantity()).isEqualTo(3);
            assertThat(item.getUnitPriceCents()).isEqualTo(250L);
        });
        assertThat(order.getTotalCents()).isEqualTo(750L);
        assertThat(order.getShippingAddress().getCountry()).isEqualTo("US");
    }

    private static String withGiftMessage(String schema) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(schema);
        ObjectNode gift = ((ArrayNode) json.get("fields")).addObject();
        gift.put("name", "giftMessage");
        gift.putArray("type").add("null").add("string");
        gift.put("doc", "A message to print on the packing slip; added after the first version.");
        gift.putNull("default");
        return json.toString();
    }

    private static void createTopics(DevStack stack, Set<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, 1, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static ConsumerRecord<String, byte[]> readOne(DevStack stack, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).as("records on " + topic).hasSize(1);
            return records.get(0);
        }
    }
}
