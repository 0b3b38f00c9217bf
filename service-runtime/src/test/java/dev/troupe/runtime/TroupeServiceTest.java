package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.OrderCreated;
import dev.troupe.events.SampleEvents;
import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DevStackExtension.class)
class TroupeServiceTest {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String input = "in-" + suffix;
    private final String output = "out-" + suffix;
    private final HttpClient http = HttpClient.newHttpClient();

    private DevStack stack;
    private Serde<OrderCreated> orders;
    private TroupeService service;

    @BeforeEach
    void start(DevStack stack, @TempDir Path stateDir) {
        this.stack = stack;
        orders = Topics.ORDER_CREATED.valueSerde(SchemaRegistryClient.of(stack.schemaRegistryUrl()));
        ServiceConfig config = StackFixtures.serviceConfig(stack, stateDir, "runtime-test-" + suffix, 2);
        service = TroupeService.start(config, customerIds(), new ServiceTopics(Set.of(input), Set.of(output)));
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/ready").statusCode() == 200);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void garbageGoesToTheDeadLetterTopicWithItsHeadersAndTheNextRecordIsProcessed() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(input, "order-1".getBytes(), garbage))
                    .get();
            producer.send(new ProducerRecord<>(
                            input,
                            "order-2".getBytes(),
                            orders.serializer().serialize(input, SampleEvents.orderCreated("order-2"))))
                    .get();
        }

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> processed = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> dlq = consumer(input + ".dlq");
                KafkaConsumer<byte[], byte[]> out = consumer(output)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                dlq.poll(Duration.ofMillis(100)).forEach(dead::add);
                out.poll(Duration.ofMillis(100)).forEach(processed::add);
                assertThat(dead).hasSize(1);
                assertThat(processed).hasSize(1);
            });
        }

        ConsumerRecord<byte[], byte[]> deadLetter = dead.get(0);
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(new String(deadLetter.key())).isEqualTo("order-1");
        assertThat(header(deadLetter, DeadLetters.REASON)).isEqualTo(DeadLetters.DESERIALIZATION_FAILED);
        assertThat(header(deadLetter, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(input);
        assertThat(header(deadLetter, DeadLetters.SERVICE)).isEqualTo("runtime-test-" + suffix);
        assertThat(header(deadLetter, DeadLetters.EXCEPTION)).contains("magic byte");
        assertThat(new String(processed.get(0).value())).isEqualTo("customer-7");
        assertThat(get("/metrics").body())
                .contains("troupe_dead_letters_total{", "reason=\"DESERIALIZATION_FAILED\"")
                .contains("jvm_memory_used_bytes")
                .contains("kafka_stream_");
    }

    @Test
    void healthAnswersAndAStopIsClean() throws Exception {
        assertThat(get("/health").body()).contains("UP");

        service.close();

        assertThat(service.streams().state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING);
        assertThat(service.failed()).isFalse();
    }

    private Topology customerIds() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), orders))
                .mapValues(OrderCreated::getCustomerId)
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                StackFixtures.committedReader(stack), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + service.http().port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
