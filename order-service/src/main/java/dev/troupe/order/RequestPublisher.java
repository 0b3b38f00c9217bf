package dev.troupe.order;

import dev.troupe.runtime.JsonSerde;
import dev.troupe.runtime.TraceContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes accepted API requests to the service's request topic and waits until they are durable. */
public final class RequestPublisher implements BiConsumer<OrderRequest, TraceContext>, AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, OrderRequest> producer;

    public RequestPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        // The API answers 202 only for a request every replica has.
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        // A request that cannot be written within the answer's time is reported, not queued forever.
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        (int) SEND_TIMEOUT.toMillis(),
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        (int) SEND_TIMEOUT.toMillis(),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        5_000,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0),
                new StringSerializer(),
                new JsonSerde<>(OrderRequest.class).serializer());
    }

    @Override
    public void accept(OrderRequest request, TraceContext trace) {
        ProducerRecord<String, OrderRequest> record =
                new ProducerRecord<>(OrderTopology.REQUESTS, request.orderId(), request);
        record.headers()
                .add(TraceContext.TRACEPARENT, trace.traceparent().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the request: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
