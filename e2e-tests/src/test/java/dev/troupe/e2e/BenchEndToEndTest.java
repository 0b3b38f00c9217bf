package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code troupe bench} on its own embedded stack, in short steps: both sides measured at every rate, every unit
 * accounted for (the warm-ups' too), troupe's orders in the bench's mix, and the report and the chart written.
 */
class BenchEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STACK = List.of(
            "kafka",
            "schema-registry",
            "order-service",
            "payment-service",
            "inventory-service",
            "shipping-service",
            "notification-service");

    @TempDir
    Path dir;

    @Test
    void bothSidesTakeTurnsAtEveryRateAndTheReportAccountsForEveryUnit() throws Exception {
        Path report = dir.resolve("report.json");
        Path chart = dir.resolve("latency.png");

        CliRun bench = CliRun.raw(
                "bench",
                "--rates=50,100",
                "--rounds=1",
                "--duration=PT2S",
                "--warm-up=PT2S",
                "--settle=PT60S",
                "--report=" + report,
                "--chart=" + chart);

        assertThat(bench.exitCode()).as(bench.out() + bench.err()).isZero();
        assertThat(bench.out()).contains("order-service", "http://localhost:", "Sustained");
        JsonNode json = JSON.readTree(report.toFile());
        // The chain starts just before its warm-up: not one of the first records may be skipped.
        assertThat(json.get("warmUp")).hasSize(2);
        for (JsonNode warmUp : json.get("warmUp")) {
            assertThat(warmUp.get("sent").asInt()).as(warmUp.toString()).isEqualTo(100);
            assertThat(warmUp.get("ended").asInt()).as(warmUp.toString()).isEqualTo(100);
            assertThat(warmUp.get("duplicates").asInt()).isZero();
        }
        List<String> steps = new ArrayList<>();
        for (JsonNode step : json.get("steps")) {
            String workload = step.get("workload").asText();
            int rate = step.get("rate").asInt();
            int units = rate * 2;
            steps.add(workload + "@" + rate);
            assertThat(step.get("sent").asInt()).as(workload + "@" + rate).isEqualTo(units);
            assertThat(step.get("ended").asInt()).isEqualTo(units);
            assertThat(step.get("lost").asInt()).isZero();
            assertThat(step.get("duplicates").asInt()).isZero();
            assertThat(step.get("p50").asLong()).isPositive();
            assertThat(step.get("p99").asLong())
                    .isGreaterThanOrEqualTo(step.get("p50").asLong());
            assertThat(step.get("cpuSecondsPer1000").asDouble()).isPositive();
            double cpuSeconds = seconds(step.get("cpuSeconds")).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            // The JIT compilers' time is part of their processes' time.
            assertThat(step.get("compilerCpuSeconds").asDouble()).isBetween(0.0, cpuSeconds);
            if (workload.equals("troupe")) {
                assertThat(names(step.get("cpuSeconds"))).containsExactlyInAnyOrderElementsOf(STACK);
                // Of every 100 orders: 90 complete, 4 declined, 3 out of stock, 3 not shippable.
                assertThat(counts(step.get("outcomes")))
                        .isEqualTo(Map.of(
                                "COMPLETED", units * 90 / 100,
                                "CANCELLED PAYMENT_DECLINED", units * 4 / 100,
                                "CANCELLED OUT_OF_STOCK", units * 3 / 100,
                                "CANCELLED SHIPPING_FAILED", units * 3 / 100));
            } else {
                assertThat(names(step.get("cpuSeconds"))).containsExactlyInAnyOrder("kafka", "pass-through-chain");
                assertThat(counts(step.get("outcomes"))).isEqualTo(Map.of("PASSED", units));
            }
        }
        assertThat(steps).containsExactly("limit@50", "troupe@50", "limit@100", "troupe@100");
        assertThat(json.at("/summary/troupeToLimit/100/cpuSecondsPer1000").asDouble())
                .isPositive();
        assertThat(json.at("/summary/lossesAndDuplicates").asInt()).isZero();
        assertThat(json.get("idleStackResidentBytes").asLong()).isPositive();
        assertThat(names(json.get("peakResidentBytes"))).containsAll(STACK).contains("pass-through-chain");
        byte[] png = Files.readAllBytes(chart);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private static Set<String> names(JsonNode object) {
        return JSON.convertValue(object, new TypeReference<Map<String, Object>>() {})
                .keySet();
    }

    private static Map<String, Double> seconds(JsonNode object) {
        return JSON.convertValue(object, new TypeReference<Map<String, Double>>() {});
    }

    private static Map<String, Integer> counts(JsonNode object) {
        return JSON.convertValue(object, new TypeReference<Map<String, Integer>>() {});
    }
}
