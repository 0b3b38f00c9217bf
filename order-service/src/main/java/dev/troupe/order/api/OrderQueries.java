package dev.troupe.order.api;

import dev.troupe.order.domain.Order;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Finds an order wherever it lives: in this instance's store, or — through Kafka Streams' metadata — at the
 * instance that owns its partition, which is asked over HTTP.
 */
public final class OrderQueries {
    /** The answer of the owning instance: found (JSON), not there, or not answerable right now. */
    public sealed interface Answer {
        record Local(Order order) implements Answer {}

        record Remote(String json) implements Answer {}

        record Missing() implements Answer {}

        record Unavailable(String why) implements Answer {}
    }

    private final KafkaStreams streams;
    private final String storeName;
    private final HostInfo self;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public OrderQueries(KafkaStreams streams, String storeName, HostInfo self) {
        this.streams = streams;
        this.storeName = storeName;
        this.self = self;
    }

    public Answer find(String orderId, boolean mayForward) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(
                    storeName, orderId, Serdes.String().serializer());
        } catch (RuntimeException e) {
            return new Answer.Unavailable("the service is not ready: " + e.getMessage());
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return new Answer.Unavailable("the order's partition has no owner right now");
        }
        if (!owner.activeHost().equals(self) && mayForward) {
            return askOwner(owner.activeHost(), orderId);
        }
        return local(orderId).<Answer>map(Answer.Local::new).orElseGet(Answer.Missing::new);
    }

    private Optional<Order> local(String orderId) {
        try {
            ReadOnlyKeyValueStore<String, Order> store = streams.store(StoreQueryParameters.fromNameAndType(
                    storeName, QueryableStoreTypes.<String, Order>keyValueStore()));
            return Optional.ofNullable(store.get(orderId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Answer askOwner(HostInfo owner, String orderId) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://" + owner.host() + ":" + owner.port() + "/orders/" + orderId))
                            .header(OrderApi.FORWARDED_HEADER, "true")
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200 -> new Answer.Remote(response.body());
                case 404 -> new Answer.Missing();
                default -> new Answer.Unavailable("the owning instance answered " + response.statusCode());
            };
        } catch (IOException e) {
            return new Answer.Unavailable("the owning instance " + owner + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Unavailable("interrupted");
        }
    }
}
