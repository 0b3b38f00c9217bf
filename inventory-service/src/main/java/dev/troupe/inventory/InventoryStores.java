package dev.troupe.inventory;

import dev.troupe.inventory.domain.Reservation;
import dev.troupe.runtime.TaggedSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Reservations by order id; available stock by SKU; what each SKU holds for each order.
 *
 * <p>The stock and the reservations are cached: each SKU's stock changes with every order line that asks for it, and
 * a reservation with every answer of its SKUs, which often come back in the same poll. The cache keeps only a key's
 * last value until the commit, so the changelog (and RocksDB) get one record per key and commit instead of one per
 * update. The holdings are not: each is written once per order line, and there is nothing to collapse.
 */
final class InventoryStores {
    static final String RESERVATIONS = "reservations";
    static final String STOCK = "stock";
    /** Keys {@code <sku>|<orderId>}. */
    static final String HOLDINGS = "holdings";

    private InventoryStores() {}

    static StoreBuilder<KeyValueStore<String, Reservation>> reservations() {
        return Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(RESERVATIONS),
                        Serdes.String(),
                        new TaggedSerde<>(Reservation.class, new ReservationCodec()))
                .withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, Long>> stock() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STOCK), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, Integer>> holdings() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOLDINGS), Serdes.String(), Serdes.Integer());
    }

    static String holdingKey(String sku, String orderId) {
        return sku + "|" + orderId;
    }
}
