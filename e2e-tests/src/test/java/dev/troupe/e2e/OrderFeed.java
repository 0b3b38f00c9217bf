package dev.troupe.e2e;

import dev.troupe.events.Address;
import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderItem;
import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes orders straight onto {@code order.created}, as an independent client starting the choreography
 * would: random lines over a given set of SKUs, from a given number of customers, reproducibly seeded.
 */
final class OrderFeed implements AutoCloseable {
    private final KafkaProducer<String, OrderCreated> producer;
    private final Random random;

    OrderFeed(Deployment deployment, long seed) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        deployment.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                Topics.ORDER_CREATED.keySerde().serializer(),
                Topics.ORDER_CREATED
                        .valueSerde(SchemaRegistryClient.of(deployment.schemaRegistryUrl()))
                        .serializer());
        this.random = new Random(seed);
    }

    /** Sends the orders and returns their ids once Kafka has them all. */
    List<String> send(int orders, int customers, List<String> skus, double shareToAntarctica) throws Exception {
        List<String> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            OrderCreated order = randomOrder(customers, skus, shareToAntarctica);
            ids.add(order.getMeta().getOrderId());
            sent.add(producer.send(new ProducerRecord<>(
                    Topics.ORDER_CREATED.name(), order.getMeta().getOrderId(), order)));
        }
        for (Future<RecordMetadata> future : sent) {
            future.get();
        }
        return ids;
    }

    private OrderCreated randomOrder(int customers, List<String> skus, double shareToAntarctica) {
        String orderId = UUID.randomUUID().toString();
        List<OrderItem> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            lines.add(new OrderItem(
                    skus.get(random.nextInt(skus.size())), 1 + random.nextInt(4), 500L + random.nextInt(2_500)));
        }
        long total = lines.stream()
                .mapToLong(l -> l.getQuantity() * l.getUnitPriceCents())
                .sum();
        String country = random.nextDouble() < shareToAntarctica ? "AQ" : "DE";
        return OrderCreated.newBuilder()
                .setMeta(new EventMeta(
                        UUID.randomUUID().toString(),
                        orderId,
                        null,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        "order-feed"))
                .setCustomerId("customer-" + random.nextInt(customers))
                .setEmail("buyer@example.com")
                .setItems(lines)
                .setTotalCents(total)
                .setCurrency("EUR")
                .setShippingAddress(new Address("Buyer", "Street 1", "City", "12345", country))
                .build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
