package dev.troupe.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The medians of each workload at each rate, troupe's ratios to the limit, and the sustained throughput. */
final class BenchSummary {
    /** Medians over the rounds of one workload at one rate; losses and duplicates summed. */
    record Row(
            String workload,
            int rate,
            double endedPerSecond,
            double eventsPerSecond,
            double p50,
            double p95,
            double p99,
            double cpuSecondsPer1000,
            int lost,
            int duplicates) {}

    private final List<Row> rows;
    private final long latencyTargetMillis;

    private BenchSummary(List<Row> rows, long latencyTargetMillis) {
        this.rows = rows;
        this.latencyTargetMillis = latencyTargetMillis;
    }

    static BenchSummary of(List<BenchStep.Result> results, List<Integer> rates, long latencyTargetMillis) {
        List<Row> rows = new ArrayList<>();
        for (int rate : rates) {
            for (String workload : List.of("limit", "troupe")) {
                List<BenchStep.Result> steps = results.stream()
                        .filter(r -> r.rate() == rate && r.workload().equals(workload))
                        .toList();
                if (steps.isEmpty()) {
                    continue;
                }
                rows.add(new Row(
                        workload,
                        rate,
                        BenchCommand.median(steps, BenchStep.Result::endedPerSecond),
                        BenchCommand.median(steps, BenchStep.Result::eventsPerSecond),
                        BenchCommand.median(steps, BenchStep.Result::p50),
                        BenchCommand.median(steps, BenchStep.Result::p95),
                        BenchCommand.median(steps, BenchStep.Result::p99),
                        BenchCommand.median(steps, BenchStep.Result::cpuSecondsPer1000),
                        steps.stream().mapToInt(BenchStep.Result::lost).sum(),
                        steps.stream().mapToInt(BenchStep.Result::duplicates).sum()));
            }
        }
        return new BenchSummary(rows, latencyTargetMillis);
    }

    int lossesAndDuplicates() {
        return rows.stream().mapToInt(r -> r.lost() + r.duplicates()).sum();
    }

    /**
     * The highest offered rate whose p99 stays within the target, nothing lost. Latency runs from the intended
     * send time, so a rate that is not kept up shows as a p99 that grows with the length of the step.
     */
    Optional<Integer> sustained(String workload) {
        return rows.stream()
                .filter(r -> r.workload().equals(workload))
                .filter(r -> r.p99() <= latencyTargetMillis && r.lost() == 0)
                .map(Row::rate)
                .max(Integer::compare);
    }

    List<LatencyChart.Point> points() {
        return rows.stream()
                .map(r -> new LatencyChart.Point(r.workload(), r.rate(), Math.round(r.p50()), Math.round(r.p99())))
                .toList();
    }

    private Optional<Row> row(String workload, int rate) {
        return rows.stream()
                .filter(r -> r.workload().equals(workload) && r.rate() == rate)
                .findFirst();
    }

    /** Empty at a rate where only one side was run (the limit alone, beyond what troupe takes). */
    private Map<String, Double> ratios(int rate) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        Optional<Row> limitRow = row("limit", rate);
        Optional<Row> troupeRow = row("troupe", rate);
        if (limitRow.isEmpty() || troupeRow.isEmpty()) {
            return ratios;
        }
        Row limit = limitRow.get();
        Row troupe = troupeRow.get();
        ratios.put("endedPerSecond", ratio(troupe.endedPerSecond(), limit.endedPerSecond()));
        ratios.put("p50", ratio(troupe.p50(), limit.p50()));
        ratios.put("p99", ratio(troupe.p99(), limit.p99()));
        ratios.put("cpuSecondsPer1000", ratio(troupe.cpuSecondsPer1000(), limit.cpuSecondsPer1000()));
        return ratios;
    }

    private static double ratio(double troupe, double limit) {
        return limit == 0 ? 0 : Math.round(troupe / limit * 100) / 100.0;
    }

    void print(PrintWriter out) {
        out.println();
        out.println("Medians over the rounds (latency in ms, CPU in CPU-seconds per 1,000 orders, every process):");
        out.printf(
                "%6s | %-31s | %-31s | %s%n",
                "rate", "limit: ended/s  p50  p99  cpu", "troupe: ended/s  p50  p99  cpu", "troupe/limit: p99  cpu");
        for (int rate : rates()) {
            Map<String, Double> ratios = ratios(rate);
            out.printf(
                    "%6d | %-31s | %-31s | %s%n",
                    rate,
                    row("limit", rate).map(BenchSummary::columns).orElse("-"),
                    row("troupe", rate).map(BenchSummary::columns).orElse("-"),
                    ratios.isEmpty()
                            ? "-"
                            : String.format("%8.2f %6.2f", ratios.get("p99"), ratios.get("cpuSecondsPer1000")));
        }
        out.printf(
                "Sustained (p99 within %d ms): limit %s, troupe %s; lost or duplicated: %d%n",
                latencyTargetMillis,
                sustained("limit").map(r -> r + "/s").orElse("none of the rates"),
                sustained("troupe").map(r -> r + "/s").orElse("none of the rates"),
                lossesAndDuplicates());
    }

    private List<Integer> rates() {
        return rows.stream().map(Row::rate).distinct().toList();
    }

    private static String columns(Row row) {
        return String.format(
                "%8.1f %6.0f %6.0f %7.2f", row.endedPerSecond(), row.p50(), row.p99(), row.cpuSecondsPer1000());
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("medians", rows);
        Map<Integer, Map<String, Double>> ratios = new LinkedHashMap<>();
        for (int rate : rates()) {
            Map<String, Double> atRate = ratios(rate);
            if (!atRate.isEmpty()) {
                ratios.put(rate, atRate);
            }
        }
        json.put("troupeToLimit", ratios);
        json.put("sustainedLimit", sustained("limit").orElse(null));
        json.put("sustainedTroupe", sustained("troupe").orElse(null));
        json.put("lossesAndDuplicates", lossesAndDuplicates());
        return json;
    }
}
