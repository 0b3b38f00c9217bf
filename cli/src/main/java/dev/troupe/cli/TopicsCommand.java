package dev.troupe.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code troupe topics}: every topic with its partitions, records and each consumer group's lag. */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = "List topics with partitions, record counts and consumer lag.")
final class TopicsCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KafkaAccess kafka = new KafkaAccess(connection).requireKafka();
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = kafka.admin()) {
            Set<String> names = new TreeSet<>(admin.listTopics().names().get(8, TimeUnit.SECONDS));
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(names).allTopicNames().get(8, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            descriptions
                    .values()
                    .forEach(d ->
                            d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            TopicOffsets offsets = new TopicOffsets(admin);
            Map<TopicPartition, Long> ends = offsets.offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets.offsets(partitions, OffsetSpec.earliest());
            Map<String, Map<TopicPartition, Long>> lags = offsets.lagByGroup(ends);
            out.printf("%-40s %10s %12s  %s%n", "TOPIC", "PARTITIONS", "END OFFSETS", "CONSUMER GROUP LAG");
            for (String topic : names) {
                long records = partitions.stream()
                        .filter(p -> p.topic().equals(topic))
                        .mapToLong(p -> ends.get(p) - starts.get(p))
                        .sum();
                long end = partitions.stream()
                        .filter(p -> p.topic().equals(topic))
                        .mapToLong(ends::get)
                        .sum();
                String lag = lags.entrySet().stream()
                        .filter(group -> group.getValue().keySet().stream()
                                .anyMatch(p -> p.topic().equals(topic)))
                        .map(group -> group.getKey() + "="
                                + group.getValue().entrySet().stream()
                                        .filter(e -> e.getKey().topic().equals(topic))
                                        .mapToLong(Map.Entry::getValue)
                                        .sum())
                        .collect(Collectors.joining(" "));
                out.printf(
                        "%-40s %10d %12d  %s%n",
                        topic, descriptions.get(topic).partitions().size(), end, lag);
                if (records != end) {
                    out.printf("%-40s %10s %12s  (%d records retained)%n", "", "", "", records);
                }
            }
        }
        return 0;
    }
}
