package dev.troupe.cli;

import dev.troupe.devstack.Directories;
import dev.troupe.events.Address;
import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderItem;
import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import picocli.CommandLine.Command;

/**
 * {@code troupe demo}: a fresh embedded stack, one order through it, then everything stopped. Until the
 * services arrive it shows the foundation: the real broker, the registry, and an event that round-trips.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start a fresh stack, send an order through it, print what happened, stop.")
final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        StackLayout layout =
                new StackLayout(StackLayout.inWorkingDirectory().root().resolve("demo"));
        Directories.delete(layout.root());
        long memory;
        try (EmbeddedStack stack = EmbeddedStack.start(layout, 0, 0)) {
            StackTable.print(stack, System.out);
            SchemaRegistryClient registry = SchemaRegistryClient.of(stack.schemaRegistryUrl());
            OrderCreated order = sampleOrder();
            ConsumerRecord<String, OrderCreated> read = roundTrip(stack, registry, order);
            System.out.printf(
                    "%n%s  %s@%d  order %s  customer %s  %d line(s)  %d.%02d %s  schema id %d%n",
                    read.topic(),
                    read.partition(),
                    read.offset(),
                    read.key(),
                    read.value().getCustomerId(),
                    read.value().getItems().size(),
                    read.value().getTotalCents() / 100,
                    read.value().getTotalCents() % 100,
                    read.value().getCurrency(),
                    registry.latest(Topics.ORDER_CREATED.valueSubject()).id());
            System.out.println(
                    "The broker and the schema registry work; the five services are not part of the stack yet.");
            memory = stack.residentBytes();
        }
        System.out.printf(
                "Done in %.1f s; the stack used %s of memory.%n",
                (System.nanoTime() - started) / 1e9, ProcessMemory.human(memory));
        return 0;
    }

    private static OrderCreated sampleOrder() {
        String orderId = UUID.randomUUID().toString();
        return OrderCreated.newBuilder()
                .setMeta(new EventMeta(
                        UUID.randomUUID().toString(),
                        orderId,
                        null,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        "troupe-cli"))
                .setCustomerId("demo-customer")
                .setEmail("demo@example.com")
                .setItems(List.of(new OrderItem("SKU-001", 2, 1_250L)))
                .setTotalCents(2_500L)
                .setCurrency("EUR")
                .setShippingAddress(new Address("Ada Lovelace", "Hauptstraße 1", "Berlin", "10115", "DE"))
                .build();
    }

    private static ConsumerRecord<String, OrderCreated> roundTrip(
            EmbeddedStack stack, SchemaRegistryClient registry, OrderCreated order) throws Exception {
        String topic = Topics.ORDER_CREATED.name();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Serde<OrderCreated> serde = Topics.ORDER_CREATED.valueSerde(registry);
        try (KafkaProducer<String, OrderCreated> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                Topics.ORDER_CREATED.keySerde().serializer(),
                serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, order.getMeta().getOrderId(), order))
                    .get(30, TimeUnit.SECONDS);
        }
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, OrderCreated> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                Topics.ORDER_CREATED.keySerde().deserializer(),
                serde.deserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, OrderCreated> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
        }
        throw new IllegalStateException("The order did not come back from " + topic);
    }
}
