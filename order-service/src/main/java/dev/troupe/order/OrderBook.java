package dev.troupe.order;

import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.OrderStatus;
import dev.troupe.runtime.TimeKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The orders of one stream task, with their deadlines kept in step. */
final class OrderBook {
    private final KeyValueStore<String, Order> orders;
    private final KeyValueStore<String, String> deadlines;
    private final Duration timeout;

    /**
     * Every deadline before this has been dealt with by this task: scans of the index start here, not at its
     * beginning, where each ended order leaves a deletion marker that RocksDB walks over on every scan until
     * compaction drops it. In memory: a new instance of the task scans once from the beginning.
     */
    private long settledBefore = 0;

    /**
     * What the gauges need of each open order, in memory, so that counting them every few seconds does not read
     * and parse every open order from the store — a cost that grows with the backlog just when a service falls
     * behind. Filled from the store when the task starts and kept in step by {@link #save}.
     */
    private final Map<String, OpenOrder> open = new HashMap<>();

    record OpenOrder(OrderStatus status, long startedAt) {
        static OpenOrder of(Order order) {
            return new OpenOrder(order.status, order.startedAt);
        }
    }

    OrderBook(KeyValueStore<String, Order> orders, KeyValueStore<String, String> deadlines, Duration timeout) {
        this.orders = orders;
        this.deadlines = deadlines;
        this.timeout = timeout;
        openOrdersOf(deadlines.all()).forEach(order -> open.put(order.orderId, OpenOrder.of(order)));
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
                deadlines.delete(TimeKeys.of(deadlineBefore, order.orderId));
            }
            if (deadline != null) {
                deadlines.put(TimeKeys.of(deadline, order.orderId), order.orderId);
                settledBefore = Math.min(settledBefore, deadline);
            }
        }
        orders.put(order.orderId, order);
        if (order.terminal()) {
            open.remove(order.orderId);
        } else {
            open.put(order.orderId, OpenOrder.of(order));
        }
    }

    /** Orders whose deadline has passed, oldest first; an entry goes when its order is saved ended. */
    List<Order> due(long nowMillis) {
        return openOrdersOf(deadlines.range(TimeKeys.of(settledBefore, ""), TimeKeys.of(nowMillis, "\uffff")));
    }

    /** The orders the deadline entries name that are still open, in the entries' order; closes the entries. */
    private List<Order> openOrdersOf(KeyValueIterator<String, String> entries) {
        List<Order> found = new ArrayList<>();
        try (entries) {
            entries.forEachRemaining(entry -> {
                Order order = orders.get(entry.value);
                if (order != null && !order.terminal()) {
                    found.add(order);
                }
            });
        }
        return found;
    }

    /** Says that every order {@link #due} by this time has been ended and saved. */
    void settledUpTo(long nowMillis) {
        settledBefore = Math.max(settledBefore, nowMillis);
    }

    /** Every order still open, however far its deadline is. */
    Collection<OpenOrder> open() {
        return Collections.unmodifiableCollection(open.values());
    }

    Duration timeout() {
        return timeout;
    }
}
