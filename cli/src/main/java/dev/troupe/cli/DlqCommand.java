package dev.troupe.cli;

import dev.troupe.cli.check.PartitionScan;
import dev.troupe.runtime.DeadLetters;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code troupe dlq list|replay TOPIC}: inspect dead letters and send them back to their topic. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = "Inspect and re-drive dead letters.",
        subcommands = {DlqCommand.ListDeadLetters.class, DlqCommand.Replay.class})
final class DlqCommand {

    private DlqCommand() {}

    /** TOPIC may name the dead-letter topic or the topic it belongs to. */
    static String deadLetterTopic(String topic) {
        return topic.endsWith(".dlq") ? topic : topic + ".dlq";
    }

    static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaAccess kafka, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(kafka.consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic);
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            PartitionScan.readToEnd(consumer, partitions, Duration.ofSeconds(30), records::add);
        }
        return records;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Print every dead letter of a topic, with why it is there.")
    static final class ListDeadLetters implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "TOPIC", description = "The topic (or its .dlq topic).")
        String topic;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            KafkaAccess kafka = new KafkaAccess(connection).requireKafka();
            String dlq = deadLetterTopic(topic);
            PrintWriter out = spec.commandLine().getOut();
            List<ConsumerRecord<byte[], byte[]>> records = readAll(kafka, dlq);
            out.printf("%d dead letter(s) in %s%n", records.size(), dlq);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                out.printf(
                        "%s-%d@%d  %s  key=%s  from %s-%s@%s  by %s  %s: %s%s%n",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        Instant.ofEpochMilli(record.timestamp()),
                        record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8),
                        header(record, "x-dlq-original-topic"),
                        header(record, "x-dlq-original-partition"),
                        header(record, "x-dlq-original-offset"),
                        header(record, "x-dlq-service"),
                        header(record, "x-dlq-reason"),
                        header(record, "x-dlq-exception"),
                        header(record, DeadLetters.REPLAYED_FROM).isEmpty() ? "" : "  (replayed before)");
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "Send dead letters back to their original topic, unchanged but marked x-dlq-replayed-from.")
    static final class Replay implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "TOPIC", description = "The topic (or its .dlq topic).")
        String topic;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--offset", paramLabel = "N", description = "Replay the dead letter at this offset.")
            Long offset;

            @Option(names = "--all", description = "Replay every dead letter.")
            boolean all;
        }

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            KafkaAccess kafka = new KafkaAccess(connection).requireKafka();
            String dlq = deadLetterTopic(topic);
            List<ConsumerRecord<byte[], byte[]>> chosen = readAll(kafka, dlq).stream()
                    .filter(r -> which.all || r.offset() == which.offset)
                    .toList();
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException(
                        which.all
                                ? "no dead letters in " + dlq
                                : "no dead letter at offset " + which.offset + " of " + dlq);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            kafka.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG,
                            10_000),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                Set<String> replayedOriginals = new HashSet<>();
                for (ConsumerRecord<byte[], byte[]> record : chosen) {
                    String original = header(record, "x-dlq-original-topic");
                    String originalPosition = original + "-" + header(record, "x-dlq-original-partition") + "@"
                            + header(record, "x-dlq-original-offset");
                    // Every service that could not read a record dead-letters it; it goes back once.
                    if (!replayedOriginals.add(originalPosition)) {
                        out.printf(
                                "skipped %s-%d@%d: %s was replayed already (it was dead-lettered by %s too)%n",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                originalPosition,
                                header(record, "x-dlq-service"));
                        continue;
                    }
                    RecordHeaders headers = new RecordHeaders();
                    record.headers().forEach(h -> {
                        if (!h.key().startsWith("x-dlq-")) {
                            headers.add(h);
                        }
                    });
                    headers.add(
                            DeadLetters.REPLAYED_FROM,
                            (record.topic() + "-" + record.partition() + "@" + record.offset())
                                    .getBytes(StandardCharsets.UTF_8));
                    var sent = producer.send(
                                    new ProducerRecord<>(original, null, record.key(), record.value(), headers))
                            .get(15, TimeUnit.SECONDS);
                    out.printf(
                            "replayed %s-%d@%d to %s-%d@%d%n",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            sent.topic(),
                            sent.partition(),
                            sent.offset());
                }
            }
            out.flush();
            return 0;
        }
    }
}
