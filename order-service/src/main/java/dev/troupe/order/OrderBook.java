package dev.troupe.order;

import dev.troupe.order.domain.Order;
import java.time.Duration;
import java.util.Objects;
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

    Order find(String orderId) {
        return orders.get(orderId);
    }

    /** The deadline entry an order has: none for an order not stored yet or one that has ended. */
    Long deadlineOf(Order order) {
        return order == null || order.terminal() ? null : order.startedAt + timeout.toMillis();
    }

    /**
     * Stores the order and moves its deadline entry from {@code deadlineBefore} (what {@link #deadlineOf} said
     * when the order was loaded). The entry is written only when it changes: every write is a changelog record.
     */
    void save(Order order, Long deadlineBefore) {
        Long deadline = deadlineOf(order);
        if (!Objects.equals(deadlineBefore, deadline)) {
            if (deadlineBefore != null) {
                deadlines.delete(OrderStores.deadlineKey(deadlineBefore, order.orderId));
            }
            if (deadline != null) {
                deadlines.put(OrderStores.deadlineKey(deadline, order.orderId), order.orderId);
            }
        }
        orders.put(order.orderId, order);
    }

    /** Orders whose deadline has passed, oldest first; an entry goes when its order is saved ended. */
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
