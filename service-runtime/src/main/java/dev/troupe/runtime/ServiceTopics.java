package dev.troupe.runtime;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The topics a service reads and writes. A service creates all of them when missing — the inputs too, so it
 * can start before the services that write them — plus a dead-letter topic per input.
 */
public record ServiceTopics(Set<String> inputs, Set<String> outputs) {

    public ServiceTopics {
        inputs = Set.copyOf(inputs);
        outputs = Set.copyOf(outputs);
    }

    public Set<String> toCreate(String serviceName) {
        Set<String> all = new LinkedHashSet<>(inputs);
        all.addAll(outputs);
        all.addAll(inputs.stream().map(DeadLetters::topicFor).collect(Collectors.toSet()));
        all.add(DeadLetters.internalTopicOf(serviceName));
        return all;
    }
}
