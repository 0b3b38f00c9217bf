package dev.troupe.cli;

import dev.troupe.cli.check.ObservedEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code troupe watch}: decoded events as they arrive. A record that does not decode is shown as such. */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "Print events as they arrive, decoded, one line each.")
final class WatchCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "TOPIC", arity = "0..*", description = "Topics to watch (default: every event topic).")
    List<String> topics = new ArrayList<>();

    @Option(names = "--order", paramLabel = "ID", description = "Only events of this order.")
    String orderId;

    @Option(names = "--from-beginning", description = "Start with the first record of each topic, not the newest.")
    boolean fromBeginning;

    @Option(names = "--json", description = "JSON Lines: topic, partition, offset, headers, schema id and value.")
    boolean json;

    @Option(names = "--max-events", paramLabel = "N", description = "Stop after N records (default: never).")
    long maxEvents = Long.MAX_VALUE;

    @Option(
            names = "--idle-timeout",
            paramLabel = "DURATION",
            description = "Stop after this long without a record (ISO-8601, e.g. PT10S).")
    Duration idleTimeout;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KafkaAccess kafka = new KafkaAccess(connection).requireKafka().requireRegistry();
        EventDecoder decoder = new EventDecoder(kafka.registry());
        PrintWriter out = spec.commandLine().getOut();
        EventPrinter printer = new EventPrinter(out, json, System.console() != null);
        List<String> names = topics.isEmpty() ? kafka.eventTopicNames() : topics;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(kafka.consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : names) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalArgumentException("no topic " + topic);
                }
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long seen = 0;
            long idleSince = System.nanoTime();
            while (seen < maxEvents && (idleTimeout == null || System.nanoTime() - idleSince < idleTimeout.toNanos())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    idleSince = System.nanoTime();
                    if (orderId != null && !orderId.equals(record.key())) {
                        continue;
                    }
                    try {
                        ObservedEvent event = decoder.decode(record);
                        printer.print(record, event);
                    } catch (RuntimeException e) {
                        printer.printUndecodable(record, e.getMessage());
                    }
                    if (++seen >= maxEvents) {
                        break;
                    }
                }
            }
        }
        return 0;
    }
}
