package dev.troupe.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    @Test
    void theMediansOfTheRoundsDecideAndTheSustainedRateIsTheHighestWithinTheTarget() {
        BenchSummary summary = BenchSummary.of(
                List.of(
                        step("limit", 400, 300, 1.0),
                        step("limit", 400, 500, 1.0),
                        step("limit", 400, 400, 1.0),
                        step("troupe", 400, 600, 5.0),
                        step("troupe", 400, 2_000, 5.0),
                        step("troupe", 400, 700, 5.0),
                        step("limit", 800, 450, 0.5),
                        step("troupe", 800, 1_500, 2.0)),
                List.of(400, 800),
                1_000);

        assertThat(summary.sustained("limit")).contains(800);
        assertThat(summary.sustained("troupe")).contains(400);
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Double>> ratios =
                (Map<Integer, Map<String, Double>>) summary.asJson().get("troupeToLimit");
        assertThat(ratios.get(400)).containsEntry("p99", 1.75).containsEntry("cpuSecondsPer1000", 5.0);
    }

    @Test
    void aRateRunOnTheLimitAloneCountsForItsSustainedRateAndHasNoRatios() {
        BenchSummary summary = BenchSummary.of(
                List.of(
                        step("limit", 800, 450, 0.5),
                        step("troupe", 800, 900, 2.0),
                        step("limit", 6_400, 600, 0.2),
                        step("limit", 12_800, 4_000, 0.2)),
                List.of(800, 6_400, 12_800),
                1_000);

        assertThat(summary.sustained("limit")).contains(6_400);
        assertThat(summary.sustained("troupe")).contains(800);
        @SuppressWarnings("unchecked")
        Map<Integer, ?> ratios = (Map<Integer, ?>) summary.asJson().get("troupeToLimit");
        assertThat(ratios).containsOnlyKeys(800);
        StringWriter printed = new StringWriter();
        summary.print(new PrintWriter(printed, true));
        assertThat(printed.toString()).containsPattern("6400 \\|\\s+6400\\.0 +600 +600 +0\\.20 +\\| - +\\| -");
    }

    private static BenchStep.Result step(String workload, int rate, long p99, double cpuPer1000) {
        return new BenchStep.Result(
                workload,
                rate,
                1,
                100,
                100,
                0,
                0,
                1.0,
                rate,
                rate,
                p99,
                p99,
                p99,
                p99,
                cpuPer1000,
                Map.of(),
                0.0,
                Map.of());
    }
}
