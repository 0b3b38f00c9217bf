package dev.troupe.cli.check;

import dev.troupe.events.OrderCreated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every event of one order, by topic, with repeated event ids counted once. */
final class OrderHistory {
    final String orderId;
    final List<ObservedEvent> events = new ArrayList<>();
    private final Map<String, ObservedEvent> byEventId = new LinkedHashMap<>();
    final List<ObservedEvent> duplicates = new ArrayList<>();

    OrderHistory(String orderId) {
        this.orderId = orderId;
    }

    void add(ObservedEvent event) {
        if (byEventId.putIfAbsent(event.meta().getEventId(), event) != null) {
            duplicates.add(event);
            return;
        }
        events.add(event);
    }

    long count(String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).count();
    }

    long count(String topic, java.util.function.Predicate<ObservedEvent> filter) {
        return events.stream()
                .filter(e -> e.topic().equals(topic))
                .filter(filter)
                .count();
    }

    List<ObservedEvent> on(String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).toList();
    }

    OrderCreated created() {
        return on("order.created").stream()
                .map(e -> (OrderCreated) e.event())
                .findFirst()
                .orElse(null);
    }
}
