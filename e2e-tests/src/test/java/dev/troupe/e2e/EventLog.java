package dev.troupe.e2e;

import dev.troupe.cli.check.InvariantChecker;
import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.cli.check.TopicReader;
import dev.troupe.inventory.Catalog;
import dev.troupe.registry.client.SchemaRegistryClient;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;

/** The events on the topics, read back by an independent consumer, and what the invariant checker makes of them. */
final class EventLog {
    private final List<ObservedEvent> events;

    private EventLog(List<ObservedEvent> events) {
        this.events = events;
    }

    static EventLog read(Deployment deployment) {
        return new EventLog(TopicReader.readAll(
                        deployment.bootstrapServers(),
                        SchemaRegistryClient.of(deployment.schemaRegistryUrl()),
                        Duration.ofSeconds(30))
                .events());
    }

    /** Reads the topics until the checker finds the orders settled with no violation, and returns that log. */
    static EventLog awaitClean(
            Deployment deployment,
            String alias,
            Collection<String> orders,
            Catalog catalog,
            long credit,
            Duration atMost) {
        return Awaitility.await(alias)
                .atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> read(deployment),
                        log -> log.check(orders, catalog, credit).clean());
    }

    List<ObservedEvent> events() {
        return events;
    }

    List<ObservedEvent> of(String orderId) {
        return events.stream().filter(e -> e.orderId().equals(orderId)).toList();
    }

    List<String> topicsOf(String orderId) {
        return of(orderId).stream().map(ObservedEvent::topic).toList();
    }

    /** The checker's report on the given orders only. */
    InvariantChecker.Report check(Collection<String> orderIds, Catalog catalog, long credit) {
        Set<String> wanted = Set.copyOf(orderIds);
        return InvariantChecker.check(
                events.stream().filter(e -> wanted.contains(e.orderId())).toList(), catalog.initialStock(), credit);
    }

    InvariantChecker.Report checkAll(Catalog catalog, long credit) {
        return InvariantChecker.check(events, catalog.initialStock(), credit);
    }
}
