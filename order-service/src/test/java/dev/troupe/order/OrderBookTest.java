package dev.troupe.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.order.OrderBook.OpenOrder;
import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.OrderStatus;
import dev.troupe.runtime.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class OrderBookTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<String, Order> orders = store(OrderStores.ORDERS, new JsonSerde<>(Order.class));
    private final KeyValueStore<String, String> deadlines = store(OrderStores.DEADLINES, Serdes.String());

    @Test
    void aNewInstanceOfTheTaskFindsTheOpenOrdersItsStoresHold() {
        OrderBook before = new OrderBook(orders, deadlines, TIMEOUT);
        before.save(new Order("pending", 1_000), null);
        Order paid = new Order("paid", 2_000);
        paid.status = OrderStatus.PAID;
        before.save(paid, null);
        Order completed = new Order("completed", 3_000);
        before.save(completed, null);
        Long deadline = before.deadlineOf(completed);
        completed.status = OrderStatus.COMPLETED;
        before.save(completed, deadline);

        OrderBook after = new OrderBook(orders, deadlines, TIMEOUT);

        assertThat(after.open())
                .containsExactlyInAnyOrder(
                        new OpenOrder(OrderStatus.PENDING, 1_000), new OpenOrder(OrderStatus.PAID, 2_000))
                .containsExactlyInAnyOrderElementsOf(before.open());
    }

    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
