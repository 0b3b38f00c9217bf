package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.EventMeta;
import dev.troupe.events.Topics;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.serde.AvroDeserializer;
import dev.troupe.registry.serde.AvroSerdeConfig;
import dev.troupe.runtime.TraceContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every hop of an order is measured and can be followed: metrics on each service, one trace per order. */
@ExtendWith(DevStackExtension.class)
class ObservabilityEndToEndTest {
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    /** An event as read back, with its trace headers. */
    private record Hop(String topic, EventMeta meta, TraceContext trace, String parentSpan) {}

    @Test
    void allEventsOfAnOrderShareTheCallersTraceAndEachHopsParentIsTheSpanOfItsCause(
            DevStack stack, @TempDir Path workDir) throws Exception {
        try (Deployment deployment = Deployment.startAll(stack, workDir, Map.of())) {
            HttpResponse<String> placed = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(deployment.orderApi().resolve("/orders"))
                                    .header("Content-Type", "application/json")
                                    .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            OrderApiClient.order("traced-customer", "AQ", "SKU-030", 1, 700)
                                                    .toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            String orderId = OrderApiClient.read(placed.body()).get("orderId").asText();

            List<Hop> hops = await("the cancelled order's every hop")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> hopsOf(deployment, orderId), h -> h.size() == 8);

            Map<String, Hop> byEventId = new HashMap<>();
            hops.forEach(hop -> byEventId.put(hop.meta().getEventId(), hop));
            for (Hop hop : hops) {
                assertThat(hop.trace()).as(hop.topic()).isNotNull();
                assertThat(hop.trace().traceId()).as(hop.topic()).isEqualTo(CALLER_TRACE);
                String cause = hop.meta().getCausationId();
                String expectedParent = cause == null
                        ? CALLER_SPAN
                        : byEventId.get(cause).trace().spanId();
                assertThat(hop.parentSpan()).as("parent of " + hop.topic()).isEqualTo(expectedParent);
            }
            assertThat(hops).extracting(h -> h.trace().spanId()).doesNotHaveDuplicates();
            poison(deployment);
            await("the poison record is dead-lettered")
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertMetricsOf(deployment));
        }
    }

    /** Every series the committed Grafana dashboard plots is one that some service really exports. */
    private static void assertTheDashboardPlotsRealMetrics(String allMetrics) throws Exception {
        JsonNode dashboard =
                OrderApiClient.read(Files.readString(Path.of("..", "deploy", "grafana", "dashboards", "troupe.json")));
        Matcher names = Pattern.compile("\\b((?:troupe|kafka)_[a-z_]+)")
                .matcher(dashboard.findValuesAsText("expr").toString());
        int found = 0;
        while (names.find()) {
            assertThat(allMetrics).as("dashboard series " + names.group(1)).contains(names.group(1));
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(10);
    }

    private static void assertMetricsOf(Deployment deployment) throws Exception {
        Map<Service, List<String>> expected = Map.of(
                Service.ORDER,
                        List.of("troupe_open_orders{", "troupe_stuck_orders{", "troupe_order_duration_seconds_bucket{"),
                Service.PAYMENT, List.of("troupe_compensations_total{", "kind=\"refund\""),
                Service.INVENTORY, List.of("troupe_compensations_total{", "kind=\"release\""));
        StringBuilder all = new StringBuilder();
        for (Service service : Service.values()) {
            Deployment.Instance instance = deployment.instances(service).get(0);
            String metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:"
                                            + instance.running().http().port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .as(service.id)
                    .contains(
                            "troupe_events_consumed_total{",
                            "troupe_events_produced_total{",
                            "troupe_processing_seconds_bucket{",
                            "service=\"" + service.id + "\"",
                            "jvm_memory_used_bytes",
                            "kafka_stream_");
            for (String name : expected.getOrDefault(service, List.of())) {
                assertThat(metrics).as(service.id).contains(name);
            }
            all.append(metrics);
        }
        assertTheDashboardPlotsRealMetrics(all.toString());
    }

    private static void poison(Deployment deployment) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(
                Map.of("bootstrap.servers", deployment.bootstrapServers()),
                new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                            "order.created", "x".getBytes(), "not avro".getBytes()))
                    .get();
        }
    }

    private static List<Hop> hopsOf(Deployment deployment, String orderId) {
        AvroDeserializer<SpecificRecord> decoder =
                new AvroDeserializer<>(SchemaRegistryClient.of(deployment.schemaRegistryUrl()), null);
        decoder.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<Hop> hops = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", deployment.bootstrapServers(), "isolation.level", "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Topics.ALL.forEach(topic -> consumer.partitionsFor(topic.name())
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (orderId.equals(record.key())) {
                        EventMeta meta = (EventMeta)
                                ((GenericRecord) decoder.deserialize(record.topic(), record.value())).get("meta");
                        Header state = record.headers().lastHeader(TraceContext.TRACESTATE);
                        hops.add(new Hop(
                                record.topic(),
                                meta,
                                TraceContext.from(record.headers()).orElse(null),
                                state == null
                                        ? null
                                        : new String(state.value(), StandardCharsets.UTF_8).replace("troupe=", "")));
                    }
                }
            }
        }
        return hops;
    }
}
