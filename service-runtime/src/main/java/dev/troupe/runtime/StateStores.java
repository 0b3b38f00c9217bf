package dev.troupe.runtime;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** How the services build their state stores. */
public final class StateStores {
    private StateStores() {}

    /**
     * A persistent key-value store with a changelog, behind the Streams record cache. An order's state is updated
     * by several events close together, and a SKU's or a customer's by many orders: the cache keeps the latest
     * value of each key and writes it to RocksDB and the changelog once per commit instead of once per update.
     * Nothing changes for correctness: the changelog records of a transaction are written when it commits.
     */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
                .withCachingEnabled();
    }
}
