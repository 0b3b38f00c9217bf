package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.events.OrderCreated;
import dev.troupe.events.SampleEvents;
import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.server.InMemorySchemaLog;
import dev.troupe.registry.server.SchemaRegistryServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterHandlerTest {
    private static final String IN = Topics.ORDER_CREATED.name();
    private static final String OUT = "orders.accepted";

    @TempDir
    Path stateDir;

    private SchemaRegistryServer registryServer;
    private TopologyTestDriver driver;
    private SimpleMeterRegistry meters;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, String> accepted;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    private Serde<OrderCreated> orderSerde;

    @BeforeEach
    void start() throws IOException {
        registryServer = SchemaRegistryServer.start(new InetSocketAddress("127.0.0.1", 0), new InMemorySchemaLog());
        orderSerde = Topics.ORDER_CREATED.valueSerde(
                SchemaRegistryClient.of(registryServer.url().toString()));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(IN, Consumed.with(Topics.ORDER_CREATED.keySerde(), orderSerde))
                .mapValues(order -> {
                    if (order.getItems().isEmpty()) {
                        throw new RejectedEventException(
                                "NO_ITEMS", "order " + order.getMeta().getOrderId() + " has no items");
                    }
                    return order.getCustomerId();
                })
                .to(
                        OUT,
                        Produced.with(
                                Topics.ORDER_CREATED.keySerde(),
                                org.apache.kafka.common.serialization.Serdes.String()));
        meters = new SimpleMeterRegistry();
        ServiceConfig config = ServiceConfig.fromEnv(
                new Env(Map.of(
                        "SCHEMA_REGISTRY_URL", registryServer.url().toString(), "STATE_DIR", stateDir.toString())),
                "test-service",
                0);
        Properties props = StreamsSettings.of(config, Set.of(IN), meters);
        driver = new TopologyTestDriver(builder.build(), props);
        input = driver.createInputTopic(IN, new ByteArraySerializer(), new ByteArraySerializer());
        accepted = driver.createOutputTopic(OUT, new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(IN + ".dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        registryServer.close();
    }

    @Test
    void aWellFormedEventThatBreaksARuleIsDeadLetteredWithItsReason() {
        OrderCreated empty = SampleEvents.orderCreated("order-3");
        empty.setItems(List.of());
        byte[] bytes = orderSerde.serializer().serialize(IN, empty);
        input.pipeInput(key("order-3"), bytes);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(bytes);
        assertThat(header(dead.headers(), DeadLetters.REASON)).isEqualTo("NO_ITEMS");
        assertThat(header(dead.headers(), DeadLetters.EXCEPTION)).contains("has no items");
        assertThat(accepted.isEmpty()).isTrue();
    }

    /* Records that do not deserialize reach their dead-letter topic only on a real broker (TopologyTestDriver
     * does not forward a deserialization handler's dead letters); TroupeServiceTest covers that path. */
    @Test
    void everyDeadLetterIsCountedByTopicAndReason() {
        input.pipeInput(key("a"), new byte[] {1, 2, 3});
        input.pipeInput(key("b"), new byte[] {0, 0, 0, 0, 99, 1});

        assertThat(meters.get("troupe.dead.letters")
                        .tags("service", "test-service", "topic", IN, "reason", DeadLetters.DESERIALIZATION_FAILED)
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    private static byte[] key(String orderId) {
        return orderId.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
