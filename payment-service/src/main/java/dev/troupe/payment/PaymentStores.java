package dev.troupe.payment;

import dev.troupe.payment.domain.Payment;
import dev.troupe.runtime.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Payments by order id; available credit by customer id (absent = the default credit). */
final class PaymentStores {
    static final String PAYMENTS = "payments";
    static final String CREDIT = "credit";
    /** Gateway calls waiting for their next attempt. */
    static final String GATEWAY_RETRIES = "gateway-retries";

    private PaymentStores() {}

    static StoreBuilder<KeyValueStore<String, Payment>> payments() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PAYMENTS), Serdes.String(), new JsonSerde<>(Payment.class));
    }

    static StoreBuilder<KeyValueStore<String, Long>> credit() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CREDIT), Serdes.String(), Serdes.Long());
    }
}
