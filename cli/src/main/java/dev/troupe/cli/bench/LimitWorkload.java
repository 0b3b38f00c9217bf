package dev.troupe.cli.bench;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Records of troupe's event size sent through the pass-through chain; a record ends when it leaves it. */
final class LimitWorkload implements Workload {
    private final int hops;
    private final byte[] value;
    private final List<String> processes;

    LimitWorkload(int hops, int recordBytes, List<String> processes) {
        this.hops = hops;
        this.value = new byte[recordBytes];
        this.processes = List.copyOf(processes);
    }

    @Override
    public String name() {
        return "limit";
    }

    @Override
    public String inputTopic() {
        return PassThroughChain.topic(0);
    }

    @Override
    public byte[] value(int i, String key) {
        return value;
    }

    @Override
    public List<String> endTopics() {
        return List.of(PassThroughChain.topic(hops));
    }

    @Override
    public Optional<String> outcome(ConsumerRecord<String, byte[]> end) {
        return Optional.of("PASSED");
    }

    @Override
    public List<String> eventTopics() {
        return IntStream.rangeClosed(1, hops).mapToObj(PassThroughChain::topic).toList();
    }

    @Override
    public List<String> processes() {
        return processes;
    }
}
