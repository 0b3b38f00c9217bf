package dev.troupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.api.OrderClient;
import dev.troupe.cli.api.OrderClient.Line;
import dev.troupe.cli.api.TimelinePrinter;
import dev.troupe.events.Address;
import dev.troupe.events.DerivedIds;
import dev.troupe.events.EventMeta;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.OrderItem;
import dev.troupe.events.Topics;
import dev.troupe.runtime.TraceContext;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code troupe order}: place an order through the API, or straight onto order.created with --direct. */
@Command(
        name = "order",
        mixinStandardHelpOptions = true,
        description = "Place an order and print its id; --wait prints how it ends.")
final class OrderCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--customer",
            required = true,
            paramLabel = "C",
            description = "Customer id (credit is kept per customer).")
    String customer;

    @Option(
            names = "--item",
            required = true,
            paramLabel = "SKU:QTY[@CENTS]",
            description = "An order line; the unit price defaults to 1000 (10.00). Repeatable.")
    List<String> items = new ArrayList<>();

    @Option(
            names = "--country",
            required = true,
            paramLabel = "CC",
            description = "ISO 3166 alpha-2 country to ship to.")
    String country;

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = "Sent as Idempotency-Key: the same key places the order once.")
    String idempotencyKey;

    @Option(names = "--wait", description = "Wait for the order to end and print its timeline.")
    boolean await;

    @Option(names = "--direct", description = "Publish order.created straight onto Kafka instead of calling the API.")
    boolean direct;

    @Mixin
    OrderApiOptions api;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Line> lines = items.stream().map(this::line).toList();
        PrintWriter out = spec.commandLine().getOut();
        String orderId = direct
                ? publishDirectly(lines)
                : new OrderClient(api.orderApi).place(OrderClient.body(customer, country, lines), idempotencyKey);
        out.println(orderId);
        out.flush();
        if (!await) {
            return 0;
        }
        TimelinePrinter timeline = new TimelinePrinter(out);
        JsonNode order = new OrderClient(api.orderApi).awaitSettled(orderId, api.timeout, timeline::printNew);
        out.println("=> " + OrderClient.outcome(order) + "  " + order.path("compensations"));
        return OrderClient.ended(order) ? 0 : 1;
    }

    private String publishDirectly(List<Line> lines) throws Exception {
        KafkaAccess kafka = new KafkaAccess(connection).requireKafka().requireRegistry();
        String orderId = idempotencyKey == null
                ? UUID.randomUUID().toString()
                : DerivedIds.of(customer, idempotencyKey).toString();
        OrderCreated created = OrderCreated.newBuilder()
                .setMeta(new EventMeta(
                        DerivedIds.of(orderId, "order.created").toString(),
                        orderId,
                        null,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        "troupe-cli"))
                .setCustomerId(customer)
                .setEmail(customer + "@example.com")
                .setItems(lines.stream()
                        .map(l -> new OrderItem(l.sku(), l.quantity(), l.unitPriceCents()))
                        .toList())
                .setTotalCents(lines.stream()
                        .mapToLong(l -> l.quantity() * l.unitPriceCents())
                        .sum())
                .setCurrency("EUR")
                .setShippingAddress(new Address(customer, "1 Example Street", "Example City", "12345", country))
                .build();
        try (KafkaProducer<String, OrderCreated> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        10_000),
                Topics.ORDER_CREATED.keySerde().serializer(),
                Topics.ORDER_CREATED.valueSerde(kafka.registry()).serializer())) {
            ProducerRecord<String, OrderCreated> record =
                    new ProducerRecord<>(Topics.ORDER_CREATED.name(), orderId, created);
            // A test order starts a trace of its own; every hop continues it.
            new TraceContext(
                            TraceContext.random().traceId(),
                            TraceContext.spanIdOf(created.getMeta().getEventId()))
                    .writeTo(record.headers(), null);
            producer.send(record).get(15, TimeUnit.SECONDS);
        }
        return orderId;
    }

    private Line line(String item) {
        String[] skuAndRest = item.split(":", 2);
        try {
            String[] quantityAndPrice = skuAndRest[1].split("@", 2);
            int quantity = Integer.parseInt(quantityAndPrice[0]);
            long price = quantityAndPrice.length == 2 ? Long.parseLong(quantityAndPrice[1]) : 1_000;
            return new Line(skuAndRest[0], quantity, price);
        } catch (RuntimeException e) {
            throw new ParameterException(
                    spec.commandLine(), "--item must look like SKU:QTY or SKU:QTY@CENTS, got '" + item + "'");
        }
    }
}
