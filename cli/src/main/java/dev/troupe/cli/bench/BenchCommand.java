package dev.troupe.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.troupe.cli.EmbeddedStack;
import dev.troupe.cli.ProcessMemory;
import dev.troupe.cli.StackLayout;
import dev.troupe.cli.StackOptions;
import dev.troupe.cli.StackTable;
import dev.troupe.devstack.Directories;
import dev.troupe.devstack.JavaProcess;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.ServiceConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code troupe bench}: on one embedded stack, the five services and a pass-through chain of the saga's depth
 * take turns at the same offered rates, each step alternated and repeated, and are judged on the medians.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure troupe against the pass-through limit of the same broker: throughput, latency, CPU, "
                + "memory; writes a JSON report and a latency-versus-load chart.")
public final class BenchCommand implements Callable<Integer> {
    static final String CHAIN = "pass-through-chain";

    @Option(
            names = "--rates",
            split = ",",
            defaultValue = "100,250,500,1000",
            paramLabel = "R",
            description = "Offered rates, orders (records) per second (default ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(
            names = "--sides",
            split = ",",
            defaultValue = "limit,troupe",
            paramLabel = "SIDE",
            description = "What to run: limit, troupe or both (default ${DEFAULT-VALUE}); the limit alone finds its "
                    + "knee at rates troupe cannot take.")
    List<String> sides;

    @Option(names = "--duration", defaultValue = "PT15S", description = "How long each step offers its rate.")
    Duration duration;

    @Option(
            names = "--warm-up",
            defaultValue = "PT2M",
            description = "How long each side runs at the lowest rate before anything is measured, so that every "
                    + "JVM has compiled its hot code: the services' compiler threads still take a tenth of a core "
                    + "each a minute after start (default ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(names = "--rounds", defaultValue = "3", description = "How often each step is repeated (alternating).")
    int rounds;

    @Option(
            names = "--settle",
            defaultValue = "PT180S",
            description = "How long a step waits for its last units; what has not ended by then counts as lost.")
    Duration settle;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of every topic.")
    int partitions;

    @Option(
            names = "--instances",
            defaultValue = "1",
            description = "Instances of every service, and of the pass-through chain (each its own process).")
    int instances;

    @Option(names = "--hops", defaultValue = "4", description = "Hops of the pass-through chain (the saga's depth).")
    int hops;

    @Option(
            names = "--guarantee",
            defaultValue = "exactly_once_v2",
            description = "Processing guarantee of the services and the chain: exactly_once_v2 or at_least_once.")
    String guarantee;

    @Option(names = "--commit-interval", defaultValue = "PT0.1S", description = "Commit interval of every hop.")
    Duration commitInterval;

    @Option(
            names = "--linger",
            description = "Producer linger of every hop (default: the services' own, the commit interval under "
                    + "exactly-once and 5 ms under at-least-once).")
    Duration linger;

    @Option(
            names = "--fetch-wait",
            description = "How long the broker may hold a fetch of every hop's input to fill it (default: the "
                    + "services' own, a quarter of the commit interval under exactly-once, none under at-least-once).")
    Duration fetchWait;

    @Option(names = "--lines", defaultValue = "2", description = "Order lines per order.")
    int lines;

    @Option(
            names = "--skus",
            defaultValue = "20",
            description = "How many SKUs the order lines are spread over (fewer: more orders contend for one SKU).")
    int skus;

    @Option(
            names = "--latency-target",
            defaultValue = "PT1S",
            description = "The p99 a rate must stay within to count as sustained (default ${DEFAULT-VALUE}).")
    Duration latencyTarget;

    @Option(names = "--report", defaultValue = "bench-report.json", description = "Where the JSON report goes.")
    Path report;

    @Option(names = "--chart", defaultValue = "bench-latency.png", description = "Where the chart goes.")
    Path chart;

    @Option(
            names = "--from",
            split = ",",
            paramLabel = "REPORT",
            description = "Start nothing: summarize the steps of earlier reports together (one chart, one report).")
    List<Path> from;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
            throw new ParameterException(spec.commandLine(), "--guarantee: exactly_once_v2 or at_least_once");
        }
        if (!List.of("limit", "troupe").containsAll(sides)) {
            throw new ParameterException(spec.commandLine(), "--sides: limit, troupe or both, not " + sides);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (from != null) {
            return summarizeEarlierReports(out);
        }
        if (linger == null) {
            linger = ServiceConfig.defaultLinger(guarantee, commitInterval);
        }
        if (fetchWait == null) {
            fetchWait = ServiceConfig.defaultFetchWait(guarantee, commitInterval);
        }
        Path root = Path.of(".troupe", "bench").toAbsolutePath();
        Directories.delete(root);
        Files.createDirectories(root);
        Path catalog = root.resolve("bench-catalog.csv");
        Files.writeString(catalog, TroupeWorkload.catalog(skus));
        // What both sides run with, so that they differ only in what they do with a record.
        Map<String, String> shared = Map.of(
                "TOPIC_PARTITIONS", Integer.toString(partitions),
                "PROCESSING_GUARANTEE", guarantee,
                "COMMIT_INTERVAL", commitInterval.toString(),
                "PRODUCER_LINGER", linger.toString(),
                "FETCH_WAIT", fetchWait.toString());
        Map<String, String> settings =
                with(shared, Map.of("INVENTORY_CATALOG", catalog.toString(), "ORDER_TIMEOUT", "PT600S"));
        StackLayout layout = new StackLayout(root);
        try (EmbeddedStack stack = EmbeddedStack.start(layout, new StackOptions(0, 0, false, settings, instances))) {
            Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
            Thread.sleep(10_000);
            long idleStack = pids.values().stream()
                    .mapToLong(ProcessMemory::residentBytes)
                    .sum();
            out.printf(
                    "Stack up: broker, registry and five services (%d instance%s each); idle resident memory %.2f GiB%n",
                    instances, instances == 1 ? "" : "s", idleStack / (double) (1L << 30));
            // Where the broker is, for a probe of one's own beside the bench, and each service's /metrics.
            out.print(StackTable.of(stack));
            Map<String, JavaProcess> chain = new LinkedHashMap<>();
            try {
                startChain(stack, layout, shared, chain);
                chain.forEach((name, process) -> pids.put(name, process.pid()));
                List<String> troupeProcesses = new ArrayList<>(stack.pids().keySet());
                TroupeWorkload troupe = new TroupeWorkload(
                        SchemaRegistryClient.of(stack.schemaRegistryUrl()), troupeProcesses, lines, skus);
                int recordBytes = troupe.value(0, "sample-order-id-0000000000000000").length;
                List<String> limitProcesses = new ArrayList<>(List.of("kafka"));
                limitProcesses.addAll(chain.keySet());
                LimitWorkload limit = new LimitWorkload(hops, recordBytes, limitProcesses);
                BenchStep step = new BenchStep(stack.bootstrapServers(), pids);
                out.printf(
                        "Warming up (limit: %d hops of %d-byte records; troupe: orders of %d lines)...%n",
                        hops, recordBytes, lines);
                out.flush();
                List<Workload> workloads = Stream.of(limit, troupe)
                        .filter(workload -> sides.contains(workload.name()))
                        .toList();
                List<BenchStep.Result> warmUps = warmUp(step, workloads, out);
                List<BenchStep.Result> results = measure(step, workloads, out);
                Map<String, Long> peakMemory = new TreeMap<>();
                pids.forEach((name, pid) -> peakMemory.put(name, ProcessMemory.peakResidentBytes(pid)));
                BenchSummary summary = BenchSummary.of(results, rates, latencyTarget.toMillis());
                summary.print(out);
                out.printf("Peak resident memory per process (MiB): %s%n", mebibytes(peakMemory));
                writeReport(idleStack, peakMemory, warmUps, results, summary, recordBytes);
                LatencyChart.write(
                        chart,
                        chartTitle(hops, guarantee, commitInterval.toMillis(), partitions, instances),
                        summary.points());
                out.printf("Report: %s, chart: %s%n", report.toAbsolutePath(), chart.toAbsolutePath());
                out.flush();
                long warmUpLossesAndDuplicates = warmUps.stream()
                        .mapToLong(result -> result.lost() + result.duplicates())
                        .sum();
                return summary.lossesAndDuplicates() + warmUpLossesAndDuplicates == 0 ? 0 : 1;
            } finally {
                chain.values().forEach(JavaProcess::close);
            }
        }
    }

    /** Each side at the lowest rate for the warm-up's length; nothing measured, but every unit accounted for. */
    private List<BenchStep.Result> warmUp(BenchStep step, List<Workload> workloads, PrintWriter out) {
        int rate = rates.stream().mapToInt(Integer::intValue).min().orElse(50);
        List<BenchStep.Result> warmUps = new ArrayList<>();
        for (Workload workload : workloads) {
            warmUps.add(step.run(workload, rate, 0, warmUp, settle));
        }
        out.println("Warmed up: "
                + warmUps.stream()
                        .map(result -> String.format(
                                "%s %d of %d ended, %d twice, its JIT compilers %.0f%% of its CPU",
                                result.workload(),
                                result.ended(),
                                result.sent(),
                                result.duplicates(),
                                result.compilerShare() * 100))
                        .collect(Collectors.joining("; ")));
        out.flush();
        return warmUps;
    }

    /** Every rate, every round, the sides alternating; one line per step as it ends. */
    private List<BenchStep.Result> measure(BenchStep step, List<Workload> workloads, PrintWriter out) {
        List<BenchStep.Result> results = new ArrayList<>();
        out.printf(
                "%-7s %6s %5s %7s %9s %9s %7s %7s %7s %9s %4s %5s %4s%n",
                "",
                "rate",
                "round",
                "ended",
                "ended/s",
                "events/s",
                "p50",
                "p95",
                "p99",
                "cpu/1000",
                "jit",
                "lost",
                "dup");
        for (int rate : rates) {
            for (int round = 1; round <= rounds; round++) {
                for (Workload workload : workloads) {
                    BenchStep.Result result = step.run(workload, rate, round, duration, settle);
                    results.add(result);
                    out.printf(
                            "%-7s %6d %5d %7d %9.1f %9.1f %7d %7d %7d %9.2f %3.0f%% %5d %4d%n",
                            result.workload(),
                            rate,
                            round,
                            result.ended(),
                            result.endedPerSecond(),
                            result.eventsPerSecond(),
                            result.p50(),
                            result.p95(),
                            result.p99(),
                            result.cpuSecondsPer1000(),
                            result.compilerShare() * 100,
                            result.lost(),
                            result.duplicates());
                    out.flush();
                }
            }
        }
        return results;
    }

    /**
     * The pass-through chain, one process per instance, each with the settings the services run with; each goes
     * into {@code chain} as it starts, so that the caller closes it even if a later one fails to start.
     */
    private void startChain(
            EmbeddedStack stack, StackLayout layout, Map<String, String> shared, Map<String, JavaProcess> chain) {
        for (int instance = 1; instance <= instances; instance++) {
            String name = EmbeddedStack.instanceName(CHAIN, instance);
            Map<String, String> environment = with(
                    shared,
                    Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                            "CHAIN_HOPS", Integer.toString(hops),
                            "STATE_DIR", layout.root().resolve(name).toString()));
            chain.put(
                    name,
                    JavaProcess.start(
                            name,
                            PassThroughChain.class,
                            EmbeddedStack.serviceJvmOptions(),
                            List.of(),
                            environment,
                            layout.log(name)));
        }
    }

    private int summarizeEarlierReports(PrintWriter out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<BenchStep.Result> steps = new ArrayList<>();
        Map<String, Object> merged = new LinkedHashMap<>();
        List<Object> sources = new ArrayList<>();
        JsonNode firstSetup = null;
        for (Path file : from) {
            JsonNode earlier = json.readTree(file.toFile());
            if (firstSetup == null) {
                firstSetup = earlier.get("setup");
            }
            for (JsonNode step : earlier.get("steps")) {
                steps.add(json.treeToValue(step, BenchStep.Result.class));
            }
            sources.add(Map.of(
                    "report", file.toString(),
                    "ranAt", earlier.get("ranAt").asText(),
                    "machine", earlier.get("machine"),
                    "setup", earlier.get("setup"),
                    "idleStackResidentBytes", earlier.get("idleStackResidentBytes"),
                    "peakResidentBytes", earlier.get("peakResidentBytes")));
        }
        List<Integer> allRates =
                steps.stream().map(BenchStep.Result::rate).distinct().sorted().toList();
        BenchSummary summary = BenchSummary.of(steps, allRates, latencyTarget.toMillis());
        summary.print(out);
        merged.put("from", sources);
        merged.put("summary", summary.asJson());
        merged.put("steps", steps);
        Files.createDirectories(report.toAbsolutePath().getParent());
        json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), merged);
        LatencyChart.write(
                chart,
                chartTitle(
                        firstSetup.get("hops").asInt(),
                        firstSetup.get("guarantee").asText(),
                        firstSetup.get("commitIntervalMillis").asLong(),
                        firstSetup.get("partitions").asInt(),
                        firstSetup.path("instances").asInt(1)),
                summary.points());
        out.printf("Report: %s, chart: %s%n", report.toAbsolutePath(), chart.toAbsolutePath());
        out.flush();
        return 0;
    }

    private static String chartTitle(int hops, String guarantee, long commitMillis, int partitions, int instances) {
        return "troupe vs pass-through limit (" + hops + " hops, " + guarantee + ", commit " + commitMillis + " ms, "
                + partitions + " partitions" + (instances > 1 ? ", " + instances + " instances" : "") + ")";
    }

    private static Map<String, Long> mebibytes(Map<String, Long> bytes) {
        Map<String, Long> mib = new TreeMap<>();
        bytes.forEach((name, value) -> mib.put(name, value >> 20));
        return mib;
    }

    private void writeReport(
            long idleStack,
            Map<String, Long> peakMemory,
            List<BenchStep.Result> warmUps,
            List<BenchStep.Result> results,
            BenchSummary summary,
            int recordBytes)
            throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ranAt", Instant.now().toString());
        json.put(
                "machine",
                Map.of(
                        "cores", Runtime.getRuntime().availableProcessors(),
                        "java", System.getProperty("java.version"),
                        "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("rates", rates);
        setup.put("durationSeconds", duration.toSeconds());
        setup.put("rounds", rounds);
        setup.put("warmUpSeconds", warmUp.toSeconds());
        setup.put("partitions", partitions);
        setup.put("instances", instances);
        setup.put("hops", hops);
        setup.put("guarantee", guarantee);
        setup.put("commitIntervalMillis", commitInterval.toMillis());
        setup.put("lingerMillis", linger.toMillis());
        setup.put("fetchWaitMillis", fetchWait.toMillis());
        setup.put("orderLines", lines);
        setup.put("skus", skus);
        setup.put("recordBytes", recordBytes);
        setup.put("latencyTargetMillis", latencyTarget.toMillis());
        json.put("setup", setup);
        json.put("idleStackResidentBytes", idleStack);
        json.put("peakResidentBytes", peakMemory);
        json.put("summary", summary.asJson());
        json.put("warmUp", warmUps);
        json.put("steps", results);
        Files.createDirectories(report.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), json);
    }

    static double median(List<BenchStep.Result> results, ToDoubleFunction<BenchStep.Result> metric) {
        double[] values = results.stream().mapToDouble(metric).sorted().toArray();
        if (values.length == 0) {
            return 0;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static Map<String, String> with(Map<String, String> shared, Map<String, String> own) {
        Map<String, String> all = new LinkedHashMap<>(shared);
        all.putAll(own);
        return all;
    }
}
