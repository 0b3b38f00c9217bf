package dev.troupe.order;

import dev.troupe.order.domain.Order;
import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueStore;

/** The orders of one stream task, with their deadlines kept in step. */
final class OrderBook {
    private final KeyValueStore<String, Order> orders;
    private final KeyValueStore<String, String> deadlines;
    private final Duration timeout;

    OrderBook(KeyValueStore<String, Order> orders, KeyValueStore<String, String> deadlines, Duration timeout) {
        this.orders = orders;
        this.deadlines = deadlines;
        this.timeout = timeout;
    }

    static final long NEW = Long.MIN_VALUE;

    Order find(String orderId) {
        return orders.get(orderId);
    }

    /**
     * Stores the order and moves its deadline entry: {@code startedAtBefore} is the start it had when loaded
     * ({@link #NEW} for an order not stored before).
     */
    void save(Order order, long startedAtBefore) {
        long deadline = order.startedAt + timeout.toMillis();
        if (startedAtBefore != NEW) {
            long previousDeadline = startedAtBefore + timeout.toMillis();
            if (previousDeadline != deadline || order.terminal()) {
                deadlines.delete(OrderStores.deadlineKey(previousDeadline, order.orderId));
            }
        }
        if (!order.terminal()) {
            deadlines.put(OrderStores.deadlineKey(deadline, order.orderId), order.orderId);
        }
        orders.put(order.orderId, order);
    }

    /** Orders whose deadline has passed, oldest first; their deadline entries are removed. */
    java.util.List<Order> due(long nowMillis) {
        java.util.List<Order> due = new java.util.ArrayList<>();
        try (var iterator =
                deadlines.range(OrderStores.deadlineKey(0, ""), OrderStores.deadlineKey(nowMillis, "\uffff"))) {
            iterator.forEachRemaining(entry -> {
                Order order = orders.get(entry.value);
                if (order != null && !order.terminal()) {
                    due.add(order);
                }
            });
        }
        return due;
    }

    /** Every order still open, however far its deadline is. */
    java.util.List<Order> open() {
        java.util.List<Order> open = new java.util.ArrayList<>();
        try (var iterator = deadlines.all()) {
            iterator.forEachRemaining(entry -> {
                Order order = orders.get(entry.value);
                if (order != null && !order.terminal()) {
                    open.add(order);
                }
            });
        }
        return open;
    }

    Duration timeout() {
        return timeout;
    }
}
