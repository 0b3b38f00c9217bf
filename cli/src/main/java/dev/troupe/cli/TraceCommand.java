package dev.troupe.cli;

import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.events.EventText;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code troupe trace}: an order's whole choreography, hop by hop, read from the topics. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = "Show every hop of one order: service, topic-partition@offset, delays, causes.")
final class TraceCommand implements Callable<Integer> {
    /** Who is expected to act after an event of each topic, while the order is open. */
    private static final Map<String, String> NEXT = Map.of(
            "order.created", "payment-service",
            "payment.completed", "inventory-service",
            "inventory.reserved", "shipping-service");

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "ORDER_ID", description = "The order to trace.")
    String orderId;

    @Option(names = "--mermaid", description = "Print a Mermaid sequence diagram instead.")
    boolean mermaid;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KafkaAccess kafka = new KafkaAccess(connection).requireKafka().requireRegistry();
        List<ObservedEvent> events = OrderEvents.read(kafka, orderId);
        PrintWriter out = spec.commandLine().getOut();
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events of order " + orderId + " on any topic");
        }
        if (mermaid) {
            printMermaid(events, out);
            return 0;
        }
        Map<String, ObservedEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.meta().getEventId(), e));
        long start = events.get(0).meta().getOccurredAt().toEpochMilli();
        long previous = start;
        out.printf(
                "Order %s%n%9s %9s  %-21s %-26s %-34s %s%n",
                orderId, "AT", "DELAY", "SERVICE", "TOPIC-PARTITION@OFFSET", "WHAT", "CAUSED BY");
        for (ObservedEvent event : events) {
            long at = event.meta().getOccurredAt().toEpochMilli();
            ObservedEvent cause = event.meta().getCausationId() == null
                    ? null
                    : byId.get(event.meta().getCausationId());
            out.printf(
                    "%+8.3fs %+8.3fs  %-21s %-26s %-34s %s%n",
                    (at - start) / 1000.0,
                    (at - previous) / 1000.0,
                    event.meta().getSource(),
                    event.topic() + "-" + event.partition() + "@" + event.offset(),
                    EventText.summary(event.event()),
                    cause == null
                            ? (event.meta().getCausationId() == null
                                    ? "-"
                                    : "(event " + event.meta().getCausationId() + ")")
                            : cause.topic());
            previous = at;
        }
        boolean ended = events.stream()
                .anyMatch(e -> Set.of("order.completed", "order.cancelled").contains(e.topic()));
        if (!ended) {
            ObservedEvent last = events.get(events.size() - 1);
            String next = NEXT.getOrDefault(last.topic(), "order-service");
            out.printf(
                    "Not finished: the last event is %s; %s is expected to act next (its lag on %s-%d: %s).%n",
                    last.topic(),
                    next,
                    last.topic(),
                    last.partition(),
                    lag(kafka, next, new TopicPartition(last.topic(), last.partition())));
        }
        out.flush();
        return 0;
    }

    private static String lag(KafkaAccess kafka, String group, TopicPartition partition) {
        try (Admin admin = kafka.admin()) {
            TopicOffsets offsets = new TopicOffsets(admin);
            Map<TopicPartition, Long> end = offsets.offsets(List.of(partition), OffsetSpec.latest());
            Long lag = offsets.lagByGroup(end).getOrDefault(group, Map.of()).get(partition);
            return lag == null ? "no committed offset: is " + group + " running?" : lag + " record(s)";
        }
    }

    private static void printMermaid(List<ObservedEvent> events, PrintWriter out) {
        Map<String, ObservedEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.meta().getEventId(), e));
        out.println("sequenceDiagram");
        events.stream()
                .map(e -> e.meta().getSource())
                .distinct()
                .forEach(s -> out.println("    participant " + s.replace('-', '_') + " as " + s));
        for (ObservedEvent event : events) {
            String source = event.meta().getSource().replace('-', '_');
            ObservedEvent cause = event.meta().getCausationId() == null
                    ? null
                    : byId.get(event.meta().getCausationId());
            String label =
                    event.topic() + ": " + EventText.summary(event.event()).replace(';', ',');
            if (cause == null) {
                out.println("    Note over " + source + ": " + label);
            } else {
                long delay = event.meta().getOccurredAt().toEpochMilli()
                        - cause.meta().getOccurredAt().toEpochMilli();
                out.println("    " + cause.meta().getSource().replace('-', '_') + "->>" + source + ": " + label + " (+"
                        + delay + " ms)");
            }
        }
        out.flush();
    }
}
