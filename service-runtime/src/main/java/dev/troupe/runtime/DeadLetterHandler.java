package dev.troupe.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends records that cannot be deserialized or processed to their dead-letter topic and lets the service go
 * on with the next record. The dead letter is written by the Streams producer inside the same transaction
 * as the input's offset commit, so under exactly-once a poison record is dead-lettered exactly once.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    public static final String SERVICE_CONFIG = "troupe.service.name";
    public static final String INPUT_TOPICS_CONFIG = "troupe.dlq.input.topics";
    public static final String METER_REGISTRY_CONFIG = "troupe.meter.registry";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private DeadLetters deadLetters;
    private MeterRegistry meters;
    private String service;

    @Override
    public void configure(Map<String, ?> configs) {
        service = String.valueOf(configs.get(SERVICE_CONFIG));
        Object inputs = configs.get(INPUT_TOPICS_CONFIG);
        Set<String> inputTopics = inputs == null
                ? Set.of()
                : Arrays.stream(inputs.toString().split(",")).map(String::trim).collect(Collectors.toSet());
        deadLetters = new DeadLetters(service, inputTopics);
        meters = configs.get(METER_REGISTRY_CONFIG) instanceof MeterRegistry registry
                ? registry
                : new SimpleMeterRegistry();
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(
                deadLetter(context, record.key(), record.value(), DeadLetters.DESERIALIZATION_FAILED, exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(
                context,
                context.sourceRawKey(),
                context.sourceRawValue(),
                DeadLetters.reasonOf(exception),
                exception)));
    }

    private org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> deadLetter(
            ErrorHandlerContext context, byte[] key, byte[] value, String reason, Exception exception) {
        var deadLetter = deadLetters.record(context, key, value, reason, exception);
        // The processor's own context is gone by now; say whose record this was from the record itself.
        MDC.put("orderId", key == null ? "-" : new String(key, java.nio.charset.StandardCharsets.UTF_8));
        MDC.put(
                "traceId",
                TraceContext.from(context.headers()).map(TraceContext::traceId).orElse("-"));
        LOG.warn(
                "Dead-lettering {}-{}@{} to {}: {} ({})",
                context.topic(),
                context.partition(),
                context.offset(),
                deadLetter.topic(),
                reason,
                exception.toString());
        MDC.remove("orderId");
        MDC.remove("traceId");
        Counter.builder("troupe.dead.letters")
                .description("Records sent to a dead-letter topic")
                .tag("service", service)
                .tag("topic", context.topic())
                .tag("reason", reason)
                .register(meters)
                .increment();
        return deadLetter;
    }
}
