package dev.troupe.order;

import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.OrderStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the order service tells about orders: how many are open per status, how many look stuck (open for
 * more than half the order timeout), and how long orders take per outcome. Each stream task reports the
 * orders of its partitions; the gauges add them up.
 */
final class OrderMetrics {
    private final MeterRegistry meters;
    private final Map<String, Map<OrderStatus, Long>> openByTask = new ConcurrentHashMap<>();
    private final Map<String, Long> stuckByTask = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (OrderStatus status : OrderStatus.values()) {
            if (!status.terminal()) {
                Gauge.builder("troupe.open.orders", () -> open(status))
                        .description("Orders not yet completed or cancelled, by status")
                        .tag("status", status.name())
                        .register(meters);
            }
        }
        Gauge.builder(
                        "troupe.stuck.orders",
                        () -> stuckByTask.values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .description("Open orders older than half the order timeout")
                .register(meters);
    }

    void ended(Order order) {
        String outcome = order.reason == null ? order.status.name() : order.status.name() + " " + order.reason;
        durations
                .computeIfAbsent(outcome, this::durationTimer)
                .record(Duration.ofMillis(Math.max(0, order.finishedAt - order.startedAt)));
    }

    /** Registered once per outcome, not once per order: every order ends here. */
    private Timer durationTimer(String outcome) {
        return Timer.builder("troupe.order.duration")
                .description("Time from order.created to the order's end, by outcome")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(meters);
    }

    /** The open orders of one task, counted afresh. */
    void report(String task, Iterable<OrderBook.OpenOrder> open, long nowMillis, Duration timeout) {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        long stuck = 0;
        for (OrderBook.OpenOrder order : open) {
            counts.merge(order.status(), 1L, Long::sum);
            if (nowMillis - order.startedAt() > timeout.toMillis() / 2) {
                stuck++;
            }
        }
        openByTask.put(task, counts);
        stuckByTask.put(task, stuck);
    }

    void forget(String task) {
        openByTask.remove(task);
        stuckByTask.remove(task);
    }

    private long open(OrderStatus status) {
        return openByTask.values().stream()
                .mapToLong(counts -> counts.getOrDefault(status, 0L))
                .sum();
    }
}
