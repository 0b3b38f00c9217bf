package dev.troupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.api.OrderClient;
import dev.troupe.cli.api.OrderClient.Line;
import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.events.OrderCancelled;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code troupe load}: orders at a steady rate through the API, then throughput, order latency (from the
 * moment each order was meant to be sent to its terminal event, so a stalled sender cannot hide latency) and
 * the count per outcome.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = "Place orders at a steady rate and report throughput and latency.")
final class LoadCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--orders", required = true, paramLabel = "N", description = "How many orders to place.")
    int orders;

    @Option(
            names = "--rate",
            paramLabel = "R",
            defaultValue = "20",
            description = "Orders per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--customers",
            paramLabel = "C",
            defaultValue = "50",
            description = "Distinct customers (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path report;

    @Mixin
    OrderApiOptions api;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (orders <= 0 || rate <= 0 || customers <= 0) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--orders, --rate and --customers must be positive");
        }
        KafkaAccess kafka = new KafkaAccess(connection).requireKafka().requireRegistry();
        EventDecoder decoder = new EventDecoder(kafka.registry());
        OrderClient client = new OrderClient(api.orderApi);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        LatencyStats latencies = new LatencyStats();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Random random = new Random();
        try (KafkaConsumer<String, byte[]> consumer = terminalEvents(kafka)) {
            ExecutorService senders = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            for (int i = 0; i < orders; i++) {
                long dueNanos = start + (long) (i * 1e9 / rate);
                long dueMillis = startMillis + (long) (i * 1e3 / rate);
                senders.submit(() -> {
                    Pacing.until(dueNanos);
                    try {
                        String id = client.place(randomOrder(random), null);
                        intended.put(id, dueMillis);
                        sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        refused.incrementAndGet();
                    }
                });
            }
            senders.shutdown();
            long deadline = System.nanoTime() + (long) (orders * 1e9 / rate) + api.timeout.toNanos();
            int ended = 0;
            while (System.nanoTime() < deadline && (!senders.isTerminated() || ended < sent.get())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Long due = intended.get(record.key());
                    if (due == null) {
                        continue;
                    }
                    ObservedEvent event = decoder.decode(record);
                    latencies.add(event.meta().getOccurredAt().toEpochMilli() - due);
                    outcomes.merge(
                            event.event() instanceof OrderCancelled c ? "CANCELLED " + c.getReason() : "COMPLETED",
                            1,
                            Integer::sum);
                    ended++;
                }
                progress(err, sent.get(), ended);
            }
            senders.awaitTermination(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            err.println();
            ObjectNode result = result(sent.get(), refused.get(), ended, seconds, latencies, outcomes);
            out.printf(
                    "%d orders sent (%d refused), %d ended in %.1f s: %.1f orders/s%n",
                    sent.get(), refused.get(), ended, seconds, ended / seconds);
            out.printf(
                    "latency (intended send to terminal event): p50 %d ms, p95 %d ms, p99 %d ms%n",
                    latencies.percentile(50), latencies.percentile(95), latencies.percentile(99));
            out.println("outcomes: " + outcomes);
            out.flush();
            if (report != null) {
                Files.writeString(report, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            }
            return ended == sent.get() && refused.get() == 0 ? 0 : 1;
        }
    }

    private KafkaConsumer<String, byte[]> terminalEvents(KafkaAccess kafka) {
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(kafka.consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of("order.completed", "order.cancelled")) {
            var infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no topic " + topic + ": are the services running?");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private com.fasterxml.jackson.databind.node.ObjectNode randomOrder(Random random) {
        List<Line> lines = OrderMix.lines(random, 3, 4_500);
        return OrderClient.body(
                "load-customer-" + random.nextInt(customers), random.nextInt(50) == 0 ? "AQ" : "DE", lines);
    }

    private static ObjectNode result(
            int sent, int refused, int ended, double seconds, LatencyStats latencies, Map<String, Integer> outcomes) {
        ObjectNode result = JSON.createObjectNode()
                .put("ordersSent", sent)
                .put("ordersRefused", refused)
                .put("ordersEnded", ended)
                .put("seconds", seconds)
                .put("ordersPerSecond", ended / seconds);
        result.putObject("latencyMillis")
                .put("p50", latencies.percentile(50))
                .put("p95", latencies.percentile(95))
                .put("p99", latencies.percentile(99));
        ObjectNode byOutcome = result.putObject("outcomes");
        outcomes.forEach(byOutcome::put);
        return result;
    }

    private static void progress(PrintWriter err, int sent, int ended) {
        int width = 30;
        int filled = sent == 0 ? 0 : (int) Math.min(width, (long) width * ended / Math.max(1, sent));
        err.printf("\r[%s%s] %d sent, %d ended", "#".repeat(filled), ".".repeat(width - filled), sent, ended);
        err.flush();
    }
}
