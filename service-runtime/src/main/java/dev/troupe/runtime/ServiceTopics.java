package dev.troupe.runtime;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The topics a service reads and writes. A service creates all of them when missing — the inputs too, so it
 * can start before the services that write them — plus a dead-letter topic per input.
 */
public record ServiceTopics(Set<String> inputs, Set<String> outputs) {

    public ServiceTopics {
        inputs = Set.copyOf(inputs);
        outputs = Set.copyOf(outputs);
    }

    /** The topics the service reads and writes, partitioned like every event topic. */
    public Set<String> eventTopics() {
        Set<String> all = new LinkedHashSet<>(inputs);
        all.addAll(outputs);
        return all;
    }

    /**
     * Its dead-letter topics. They get a single partition: dead letters are rare, and one partition gives them
     * one order, so an offset alone names a dead letter.
     */
    public Set<String> deadLetterTopics(String serviceName) {
        Set<String> all = new LinkedHashSet<>();
        inputs.forEach(input -> all.add(DeadLetters.topicFor(input)));
        all.add(DeadLetters.internalTopicOf(serviceName));
        return all;
    }
}
