package dev.troupe.cli.bench;

import dev.troupe.events.Address;
import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCancelled;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderItem;
import dev.troupe.events.Topic;
import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Orders written straight onto {@code order.created}, in a realistic mix: 90 in 100 complete; of the rest,
 * 4 are declined (above the customer's credit), 3 run out of stock (a SKU with none), 3 cannot be shipped
 * (to AQ). An order ends with {@code order.completed} or {@code order.cancelled}.
 */
final class TroupeWorkload implements Workload {
    /** The bench catalog: plenty of every SKU but one, so that only the mix decides the outcome. */
    static String catalog(int skus) {
        return String.join(
                        "\n",
                        java.util.stream.IntStream.rangeClosed(1, skus)
                                .mapToObj(i -> String.format("BENCH-%03d,1000000000", i))
                                .toList())
                + "\nBENCH-NONE,0\n";
    }

    private final Serializer<OrderCreated> serializer;
    private final Deserializer<OrderCancelled> cancelled;
    private final List<String> processes;
    private final int lines;
    private final int skus;

    /** @param skus how many SKUs the lines are spread over */
    TroupeWorkload(SchemaRegistryClient registry, List<String> processes, int lines, int skus) {
        this.serializer = Topics.ORDER_CREATED.valueSerde(registry).serializer();
        this.cancelled = Topics.ORDER_CANCELLED.valueSerde(registry).deserializer();
        this.processes = processes;
        this.lines = lines;
        this.skus = skus;
    }

    @Override
    public String name() {
        return "troupe";
    }

    @Override
    public String inputTopic() {
        return Topics.ORDER_CREATED.name();
    }

    @Override
    public byte[] value(int i, String key) {
        return serializer.serialize(Topics.ORDER_CREATED.name(), order(i, key));
    }

    OrderCreated order(int i, String orderId) {
        int kind = i % 100;
        long unitPrice = kind < 4 ? 150_000 : 1_000;
        List<OrderItem> items = java.util.stream.IntStream.range(0, lines)
                .mapToObj(line -> new OrderItem(
                        kind >= 4 && kind < 7 && line == 0
                                ? "BENCH-NONE"
                                : String.format("BENCH-%03d", 1 + (i + line) % skus),
                        1,
                        unitPrice))
                .toList();
        return OrderCreated.newBuilder()
                .setMeta(new EventMeta(UUID.randomUUID().toString(), orderId, null, Instant.now(), "bench"))
                .setCustomerId("bench-customer-" + i)
                .setEmail("bench@example.com")
                .setItems(items)
                .setTotalCents(unitPrice * lines)
                .setCurrency("EUR")
                .setShippingAddress(
                        new Address("Bench", "Street 1", "City", "10115", kind >= 7 && kind < 10 ? "AQ" : "DE"))
                .build();
    }

    @Override
    public List<String> endTopics() {
        return List.of(Topics.ORDER_COMPLETED.name(), Topics.ORDER_CANCELLED.name());
    }

    @Override
    public Optional<String> outcome(ConsumerRecord<String, byte[]> end) {
        if (end.topic().equals(Topics.ORDER_COMPLETED.name())) {
            return Optional.of("COMPLETED");
        }
        return Optional.of(
                "CANCELLED " + cancelled.deserialize(end.topic(), end.value()).getReason());
    }

    @Override
    public List<String> eventTopics() {
        return Topics.ALL.stream().map(Topic::name).toList();
    }

    @Override
    public List<String> processes() {
        return processes;
    }
}
