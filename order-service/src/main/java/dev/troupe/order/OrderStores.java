package dev.troupe.order;

import dev.troupe.order.domain.Order;
import dev.troupe.runtime.TaggedSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The order service's state: every order by id, and the open orders by deadline. */
public final class OrderStores {
    public static final String ORDERS = "orders";
    /** Keys {@link dev.troupe.runtime.TimeKeys#of}(deadline, order id): a range scan to now finds what is due. */
    static final String DEADLINES = "order-deadlines";

    private OrderStores() {}

    static StoreBuilder<KeyValueStore<String, Order>> orders() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ORDERS),
                Serdes.String(),
                new TaggedSerde<>(Order.class, new OrderCodec()));
    }

    static StoreBuilder<KeyValueStore<String, String>> deadlines() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINES), Serdes.String(), Serdes.String());
    }
}
