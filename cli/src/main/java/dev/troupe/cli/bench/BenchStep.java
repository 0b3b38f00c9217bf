package dev.troupe.cli.bench;

import dev.troupe.cli.LatencyStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One measurement: a workload at a fixed offered rate for a while. Each unit is due at its intended send time
 * ({@code start + i / rate}) and its latency runs from that moment — not from when a late sender got round to
 * it — to when its end record is read back, committed, from the end topic.
 */
final class BenchStep {
    /** What one step measured. Latencies in milliseconds; CPU in seconds. */
    record Result(
            String workload,
            int rate,
            int round,
            int sent,
            int ended,
            int lost,
            int duplicates,
            double seconds,
            double endedPerSecond,
            double eventsPerSecond,
            long p50,
            long p95,
            long p99,
            long max,
            double cpuSecondsPer1000,
            Map<String, Double> cpuSeconds,
            double compilerCpuSeconds,
            Map<String, Integer> outcomes) {
        /** The part of the step's CPU that the JIT compilers took: a step with much of it was not warm yet. */
        double compilerShare() {
            double total = cpuSeconds.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            return total > 0 ? compilerCpuSeconds / total : 0;
        }
    }

    private final String bootstrapServers;
    private final Map<String, Long> pids;

    /** @param pids every process of the stack, by name */
    BenchStep(String bootstrapServers, Map<String, Long> pids) {
        this.bootstrapServers = bootstrapServers;
        this.pids = pids;
    }

    Result run(Workload workload, int rate, int round, Duration duration, Duration settle) {
        int units = (int) (rate * duration.toMillis() / 1000);
        String prefix = workload.name() + "-" + rate + "-" + round + "-" + System.nanoTime() + "-";
        // Per unit by its index, not per key: a step at tens of thousands a second holds millions of units.
        AtomicLongArray intended = new AtomicLongArray(units);
        BitSet endedUnits = new BitSet(units); // the end reader's alone
        AtomicInteger ended = new AtomicInteger();
        LatencyStats latencies = new LatencyStats();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicLong lastEnd = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();

        try (KafkaConsumer<String, byte[]> ends = consumer(true);
                KafkaConsumer<String, byte[]> counter = consumer(false);
                KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> endPartitions = awaitPartitions(ends, workload.endTopics());
            ends.assign(endPartitions);
            ends.seekToEnd(endPartitions);
            endPartitions.forEach(ends::position);
            Thread reader = new Thread(
                    () -> {
                        while (!stop.get()) {
                            for (ConsumerRecord<String, byte[]> record : ends.poll(Duration.ofMillis(20))) {
                                long now = System.nanoTime();
                                int unit = unitOf(record.key(), prefix, units);
                                if (unit < 0) {
                                    continue;
                                }
                                workload.outcome(record).ifPresent(outcome -> {
                                    if (endedUnits.get(unit)) {
                                        duplicates.incrementAndGet();
                                        return;
                                    }
                                    endedUnits.set(unit);
                                    ended.incrementAndGet();
                                    latencies.add(TimeUnit.NANOSECONDS.toMillis(now - intended.get(unit)));
                                    outcomes.merge(outcome, 1, Integer::sum);
                                    lastEnd.set(now);
                                });
                            }
                        }
                    },
                    "bench-end-reader");
            reader.start();
            long eventsBefore = endOffsetSum(counter, workload.eventTopics());
            Map<String, Double> cpuBefore = read(workload.processes(), ProcessUsage::cpuSeconds);
            Map<String, Map<String, Double>> compilersBefore =
                    read(workload.processes(), ProcessUsage::compilerThreadsCpuSeconds);

            long start = System.nanoTime();
            for (int i = 0; i < units; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String key = prefix + i;
                byte[] value = workload.value(i, key);
                intended.set(i, due);
                producer.send(new ProducerRecord<>(workload.inputTopic(), key, value));
            }
            producer.flush();
            long settleBy = System.nanoTime() + settle.toNanos();
            while (ended.get() < units && System.nanoTime() < settleBy) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            // Late duplicates would show within a few commit intervals.
            TimeUnit.MILLISECONDS.sleep(500);
            stop.set(true);
            reader.join();

            Map<String, Double> cpuAfter = read(workload.processes(), ProcessUsage::cpuSeconds);
            Map<String, Map<String, Double>> compilersAfter =
                    read(workload.processes(), ProcessUsage::compilerThreadsCpuSeconds);
            long eventsAfter = endOffsetSum(counter, workload.eventTopics());
            double seconds = (Math.max(lastEnd.get(), start) - start) / 1e9;
            Map<String, Double> cpuUsed = new TreeMap<>();
            cpuAfter.forEach((name, after) -> cpuUsed.put(name, after - cpuBefore.getOrDefault(name, 0.0)));
            double cpuTotal =
                    cpuUsed.values().stream().mapToDouble(Double::doubleValue).sum();
            double compilerCpu = compilersAfter.entrySet().stream()
                    .mapToDouble(process -> ProcessUsage.compilerCpuSecondsBetween(
                            compilersBefore.getOrDefault(process.getKey(), Map.of()), process.getValue()))
                    .sum();
            return new Result(
                    workload.name(),
                    rate,
                    round,
                    units,
                    ended.get(),
                    units - ended.get(),
                    duplicates.get(),
                    seconds,
                    seconds > 0 ? ended.get() / seconds : 0,
                    seconds > 0 ? (eventsAfter - eventsBefore) / seconds : 0,
                    latencies.percentile(50),
                    latencies.percentile(95),
                    latencies.percentile(99),
                    latencies.percentile(100),
                    ended.get() == 0 ? 0 : cpuTotal / ended.get() * 1000,
                    cpuUsed,
                    compilerCpu,
                    new TreeMap<>(outcomes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The index of this step's unit the key names, or -1 for a key of another step or none. */
    static int unitOf(String key, String prefix, int units) {
        if (key == null || !key.startsWith(prefix)) {
            return -1;
        }
        try {
            int unit = Integer.parseInt(key, prefix.length(), key.length(), 10);
            return unit < units ? unit : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One reading of each process, by its name. */
    private <T> Map<String, T> read(List<String> processes, LongFunction<T> reading) {
        Map<String, T> readings = new TreeMap<>();
        for (String name : processes) {
            readings.put(name, reading.apply(pids.get(name)));
        }
        return readings;
    }

    private long endOffsetSum(KafkaConsumer<String, byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = partitions(consumer, topics);
        consumer.assign(partitions);
        return consumer.endOffsets(partitions).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The partitions of the topics, once every one exists (the chain creates its own as it starts). */
    private static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> consumer, List<String> topics)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            if (partitions.stream().map(TopicPartition::topic).distinct().count() == topics.size()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + topics + " do not exist");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    /** Ends are read committed, as a downstream service would see them; events are counted as written. */
    private KafkaConsumer<String, byte[]> consumer(boolean committed) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        committed ? "read_committed" : "read_uncommitted",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
