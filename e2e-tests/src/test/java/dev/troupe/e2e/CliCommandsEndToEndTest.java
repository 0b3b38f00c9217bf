package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.FreePort;
import dev.troupe.devstack.junit.DevStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code troupe} command against a running system, its output captured and read as a user would. */
@ExtendWith(DevStackExtension.class)
class CliCommandsEndToEndTest {
    @TempDir
    static Path workDir;

    private static Deployment deployment;
    private static String completedOrder;

    @BeforeAll
    static void start(DevStack stack) {
        deployment = Deployment.startAll(stack, workDir, Map.of());
        CliRun placed = troupe(
                "order",
                "--customer=cli-ada",
                "--item=SKU-020:2@1250",
                "--item=SKU-021:1",
                "--country=DE",
                "--wait",
                "--order-api=" + deployment.orderApi());
        assertThat(placed.exitCode()).as(placed.err()).isZero();
        completedOrder = placed.lines().get(0);
    }

    @AfterAll
    static void stop() {
        deployment.close();
    }

    @Test
    void orderPlacesThroughTheApiAndWaitPrintsTheTimelineAndOutcome() {
        CliRun placed = troupe(
                "order",
                "--customer=cli-bob",
                "--item=SKU-022:1@120000",
                "--country=DE",
                "--wait",
                "--order-api=" + deployment.orderApi());

        assertThat(placed.exitCode()).isZero();
        assertThat(placed.lines().get(0)).matches("[0-9a-f-]{36}");
        assertThat(placed.out()).contains("order.created", "payment.failed", "=> CANCELLED PAYMENT_DECLINED");
    }

    @Test
    void orderDirectPublishesTheTestOrderEventOntoKafka() {
        CliRun placed = troupe(
                "order",
                "--direct",
                "--customer=cli-carol",
                "--item=SKU-023:1",
                "--country=FR",
                "--wait",
                "--order-api=" + deployment.orderApi());

        assertThat(placed.exitCode()).as(placed.err()).isZero();
        assertThat(placed.out()).contains("troupe-cli", "=> COMPLETED");
    }

    @Test
    void traceShowsEveryHopWithItsServicePartitionOffsetAndCause() {
        CliRun trace = troupe("trace", completedOrder);

        assertThat(trace.exitCode()).isZero();
        assertThat(trace.out())
                .containsPattern("order-service\\s+order\\.created-\\d+@\\d+")
                .containsPattern(
                        "payment-service\\s+payment\\.completed-\\d+@\\d+\\s+charged 35\\.00 EUR\\s+order\\.created")
                .containsPattern("shipping-service\\s+shipment\\.created-\\d+@\\d+.*inventory\\.reserved")
                .containsPattern("order-service\\s+order\\.completed-\\d+@\\d+.*shipment\\.created")
                .doesNotContain("Not finished");
        CliRun mermaid = troupe("trace", completedOrder, "--mermaid");
        assertThat(mermaid.out())
                .startsWith("sequenceDiagram")
                .contains("payment_service->>inventory_service: inventory.reserved");
    }

    @Test
    void traceOfAnUnfinishedOrderSaysWhoIsExpectedToActNext() {
        deployment.stop(deployment.instances(Service.SHIPPING).get(0));
        try {
            String orderId = troupe(
                            "order",
                            "--customer=cli-dave",
                            "--item=SKU-024:1",
                            "--country=DE",
                            "--order-api=" + deployment.orderApi())
                    .lines()
                    .get(0);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> troupe("trace", orderId).out().contains("inventory.reserved"));

            assertThat(troupe("trace", orderId).out())
                    .contains("Not finished", "shipping-service is expected to act next");
        } finally {
            deployment.start(Service.SHIPPING);
            deployment.awaitReady();
        }
    }

    @Test
    void watchPrintsDecodedEventsAndShowsARecordThatDoesNotDecodeWithoutCrashing() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", deployment.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("notification.sent", completedOrder.getBytes(), "garbage".getBytes()))
                    .get();
        }

        CliRun watch = troupe("watch", "--from-beginning", "--order=" + completedOrder, "--idle-timeout=PT3S");
        CliRun json = troupe(
                "watch", "order.created", "--from-beginning", "--order=" + completedOrder, "--json", "--max-events=1");

        assertThat(watch.exitCode()).isZero();
        assertThat(watch.out())
                .contains(
                        "order.created",
                        "payment.completed",
                        "inventory.reserved",
                        "shipment.created",
                        "order.completed",
                        "ORDER_CONFIRMATION",
                        "cannot decode notification.sent");
        JsonNode line = OrderApiClient.read(json.lines().get(0));
        assertThat(line.get("topic").asText()).isEqualTo("order.created");
        assertThat(line.get("schemaId").asInt()).isPositive();
        assertThat(line.has("partition") && line.has("offset") && line.has("headers"))
                .isTrue();
        assertThat(line.at("/value/customerId").asText()).isEqualTo("cli-ada");
    }

    @Test
    void topicsListsPartitionsEndOffsetsAndEachGroupsLag() {
        CliRun topics = troupe("topics");

        assertThat(topics.exitCode()).isZero();
        assertThat(topics.out())
                .containsPattern("order\\.created\\s+3\\s+\\d+\\s+.*payment-service=\\d+")
                .contains("order-service.requests", "order.created.dlq");
    }

    @Test
    void dlqListsDeadLettersWithTheirReasonAndReplaysOneMarkedAsReplayed() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", deployment.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("payment.failed", "poisoned".getBytes(), "not avro".getBytes()))
                    .get();
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> troupe("dlq", "list", "payment.failed").out().contains("DESERIALIZATION_FAILED"));

        CliRun list = troupe("dlq", "list", "payment.failed");
        CliRun replay = troupe("dlq", "replay", "payment.failed.dlq", "--offset=0");
        CliRun neither = troupe("dlq", "replay", "payment.failed");

        assertThat(list.out())
                .contains("key=poisoned", "from payment.failed-", "by order-service", "DESERIALIZATION_FAILED");
        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).containsPattern("replayed payment\\.failed\\.dlq-0@0 to payment\\.failed-\\d+@\\d+");
        assertThat(neither.exitCode()).isEqualTo(2);
    }

    @Test
    void loadPlacesOrdersAtARateAndReportsThroughputLatencyAndOutcomes() throws Exception {
        Path report = workDir.resolve("load.json");

        CliRun load = troupe(
                "load",
                "--orders=20",
                "--rate=10",
                "--customers=5",
                "--report=" + report,
                "--order-api=" + deployment.orderApi());

        assertThat(load.exitCode()).as(load.out() + load.err()).isZero();
        assertThat(load.out())
                .contains("20 orders sent (0 refused), 20 ended")
                .containsPattern("p50 \\d+ ms, p95 \\d+ ms, p99 \\d+ ms");
        JsonNode json = OrderApiClient.read(Files.readString(report));
        assertThat(json.get("ordersEnded").asInt()).isEqualTo(20);
        assertThat(json.at("/latencyMillis/p99").asLong())
                .isGreaterThanOrEqualTo(json.at("/latencyMillis/p50").asLong());
    }

    @Test
    void checkFindsNoViolationOnceTheOrdersHaveSettled() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> troupe("check").exitCode() == 0);

        assertThat(troupe("check").out()).contains("No violations.");
    }

    @Test
    void anUnreachableBrokerIsAOneLineErrorAndExitCodeOne() {
        CliRun topics = CliRun.raw(
                "topics", "--bootstrap-server=127.0.0.1:" + FreePort.pick(), "--schema-registry=http://127.0.0.1:1");

        assertThat(topics.exitCode()).isEqualTo(1);
        assertThat(topics.err().strip())
                .startsWith("troupe: Kafka at 127.0.0.1:")
                .contains("is not reachable")
                .doesNotContain("\n");
    }

    @Test
    void anUnreachableRegistryIsAOneLineErrorNamingItsUrl() {
        String registry = "http://127.0.0.1:" + FreePort.pick();
        CliRun watch = CliRun.raw(
                "watch", "--bootstrap-server=" + deployment.bootstrapServers(), "--schema-registry=" + registry);

        assertThat(watch.exitCode()).isEqualTo(1);
        assertThat(watch.err().strip())
                .startsWith("troupe: the schema registry at " + registry + " is not reachable")
                .doesNotContain("\n");
    }

    @Test
    void aUsageErrorIsExitCodeTwoAndEveryCommandHasHelp() {
        assertThat(CliRun.raw("order", "--country=DE").exitCode()).isEqualTo(2);
        CliRun badChaos = CliRun.raw("chaos", "--lost-answer-rate=2");
        assertThat(badChaos.exitCode()).isEqualTo(2);
        assertThat(badChaos.err()).contains("--lost-answer-rate: a number from 0 to 1");
        for (String command :
                List.of("up", "demo", "order", "watch", "trace", "topics", "dlq", "load", "check", "chaos", "bench")) {
            CliRun help = CliRun.raw(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: troupe " + command);
        }
    }

    private static CliRun troupe(String... args) {
        return CliRun.of(deployment.bootstrapServers(), deployment.schemaRegistryUrl(), args);
    }
}
