package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.FreePort;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.SampleEvents;
import dev.troupe.inventory.Catalog;
import dev.troupe.notification.mail.FileOutboxMailer;
import dev.troupe.registry.client.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order written with a newer schema version while the registry is unreachable from the services cannot be read:
 * every service dead-letters it and goes on. Once the registry is back, {@code troupe dlq replay} sends it
 * back once, and the order completes — charged, reserved, shipped and confirmed once.
 */
@ExtendWith(DevStackExtension.class)
class DeadLetterReplayEndToEndTest {
    private static final String ORDER = "replayed-after-fix";

    @Test
    void anOrderDeadLetteredWhileTheRegistryWasDownCompletesOnceReplayedAfterItIsBack(
            DevStack stack, @TempDir Path workDir) throws Exception {
        URI registry = URI.create(stack.schemaRegistryUrl());
        try (TcpGate registryGate =
                        new TcpGate(FreePort.pick(), new InetSocketAddress(registry.getHost(), registry.getPort()));
                Deployment deployment = Deployment.startAll(
                        stack, workDir, Map.of("SCHEMA_REGISTRY_URL", registryGate.openAndGetUrl()));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", stack.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            Schema newer = withGiftNote(OrderCreated.getClassSchema());
            int newerId = SchemaRegistryClient.of(stack.schemaRegistryUrl()).register("order.created-value", newer);
            registryGate.shut();

            producer.send(new ProducerRecord<>("order.created", ORDER, wireFormat(newerId, newer)))
                    .get();
            List<ConsumerRecord<String, byte[]>> deadLetters = await("every reader dead-letters the order")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> deadLetters(stack), letters -> letters.size() == 5);
            assertThat(deadLetters)
                    .extracting(letter -> header(letter, "x-dlq-service"))
                    .containsExactlyInAnyOrder(
                            "order-service",
                            "payment-service",
                            "inventory-service",
                            "shipping-service",
                            "notification-service");
            assertThat(EventLog.read(deployment).topicsOf(ORDER)).containsExactly("order.created");

            registryGate.open();
            CliRun replay = CliRun.of(
                    stack.bootstrapServers(), stack.schemaRegistryUrl(), "dlq", "replay", "order.created", "--all");

            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(replay.lines())
                    .filteredOn(line -> line.startsWith("replayed "))
                    .hasSize(1);
            assertThat(replay.lines())
                    .filteredOn(line -> line.contains("was replayed already"))
                    .hasSize(4);
            EventLog log = EventLog.awaitClean(
                    deployment,
                    "the replayed order completes",
                    List.of(ORDER),
                    Catalog.bundled(),
                    100_000,
                    Duration.ofSeconds(60));
            assertThat(log.check(List.of(ORDER), Catalog.bundled(), 100_000).outcomes())
                    .isEqualTo(Map.of("COMPLETED", 1));
            assertThat(log.topicsOf(ORDER))
                    .containsOnlyOnce(
                            "payment.completed",
                            "inventory.reserved",
                            "shipment.created",
                            "order.completed",
                            "notification.sent");
            assertThat(FileOutboxMailer.messages(deployment.outbox()).get(ORDER + "-order-confirmation"))
                    .contains("has shipped");
        }
    }

    /** Version 2 of order.created: a new optional field, a compatible change. */
    private static Schema withGiftNote(Schema schema) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(schema.toString());
        ObjectNode giftNote = ((ArrayNode) root.get("fields")).addObject();
        giftNote.put("name", "giftNote");
        giftNote.putArray("type").add("null").add("string");
        giftNote.putNull("default");
        giftNote.put("doc", "A note to print on the delivery slip.");
        return new Schema.Parser().parse(json.writeValueAsString(root));
    }

    /** The sample order as a client with the newer schema writes it, in the Confluent wire format. */
    private static byte[] wireFormat(int schemaId, Schema newer) throws Exception {
        OrderCreated order = SampleEvents.orderCreated(ORDER);
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(v1, null);
        new SpecificDatumWriter<>(OrderCreated.class).write(order, encoder);
        encoder.flush();
        GenericRecord record = new GenericDatumReader<GenericRecord>(OrderCreated.getClassSchema(), newer)
                .read(null, DecoderFactory.get().binaryDecoder(v1.toByteArray(), null));
        record.put("giftNote", "Happy birthday!");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(newer, GenericData.get()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(DevStack stack) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            TopicPartition dlq = new TopicPartition("order.created.dlq", 0);
            consumer.assign(List.of(dlq));
            consumer.seekToBeginning(List.of(dlq));
            long end = consumer.endOffsets(List.of(dlq)).get(dlq);
            List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
            while (consumer.position(dlq) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(letter -> {
                    if (ORDER.equals(letter.key())) {
                        letters.add(letter);
                    }
                });
            }
            return letters;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
