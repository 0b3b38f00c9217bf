package dev.troupe.payment;

import dev.troupe.payment.domain.OrderRoute;
import dev.troupe.payment.domain.Payment;
import dev.troupe.runtime.TaggedSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Per order, where its charge and undoing are routed; beside each customer's credit, the payments drawing on it
 * by order id, and the available credit by customer id (absent = the default credit).
 */
final class PaymentStores {
    static final String ROUTES = "payment-routes";
    static final String PAYMENTS = "payments";
    static final String CREDIT = "credit";
    /** Gateway calls waiting for their next attempt. */
    static final String GATEWAY_RETRIES = "gateway-retries";

    private PaymentStores() {}

    static StoreBuilder<KeyValueStore<String, OrderRoute>> routes() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ROUTES),
                Serdes.String(),
                new TaggedSerde<>(OrderRoute.class, new OrderRouteCodec()));
    }

    static StoreBuilder<KeyValueStore<String, Payment>> payments() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PAYMENTS),
                Serdes.String(),
                new TaggedSerde<>(Payment.class, new PaymentCodec()));
    }

    static StoreBuilder<KeyValueStore<String, Long>> credit() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CREDIT), Serdes.String(), Serdes.Long());
    }
}
