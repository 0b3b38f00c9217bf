package dev.troupe.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * How a record that cannot be processed is kept: unchanged (key, value, headers) on {@code <topic>.dlq},
 * with headers saying why, where it came from and which service gave up on it (DESIGN §2).
 */
public final class DeadLetters {
    public static final String REASON = "x-dlq-reason";
    public static final String EXCEPTION = "x-dlq-exception";
    public static final String SERVICE = "x-dlq-service";
    public static final String ORIGINAL_TOPIC = "x-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "x-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "x-dlq-original-offset";
    /** On a record sent back to its topic by {@code troupe dlq replay}: the dead letter it came from. */
    public static final String REPLAYED_FROM = "x-dlq-replayed-from";

    public static final String DESERIALIZATION_FAILED = "DESERIALIZATION_FAILED";
    public static final String PROCESSING_FAILED = "PROCESSING_FAILED";

    private static final int MAX_EXCEPTION_TEXT = 1_000;

    private final String service;
    private final Set<String> inputTopics;

    public DeadLetters(String service, Set<String> inputTopics) {
        this.service = service;
        this.inputTopics = Set.copyOf(inputTopics);
    }

    public static String topicFor(String inputTopic) {
        return inputTopic + ".dlq";
    }

    /** Records from the service's own repartition topics have no input topic of their own to go back to. */
    public static String internalTopicOf(String service) {
        return service + ".internal.dlq";
    }

    public String destination(String sourceTopic) {
        return inputTopics.contains(sourceTopic) ? topicFor(sourceTopic) : internalTopicOf(service);
    }

    /** The dead letter of a record whose raw bytes are {@code key} and {@code value}. */
    public ProducerRecord<byte[], byte[]> record(
            ErrorHandlerContext context, byte[] key, byte[] value, String reason, Exception exception) {
        Headers headers = new RecordHeaders(context.headers() == null ? new RecordHeaders() : context.headers());
        add(headers, REASON, reason);
        add(headers, EXCEPTION, describe(exception));
        add(headers, SERVICE, service);
        add(headers, ORIGINAL_TOPIC, context.topic());
        add(headers, ORIGINAL_PARTITION, Integer.toString(context.partition()));
        add(headers, ORIGINAL_OFFSET, Long.toString(context.offset()));
        return new ProducerRecord<>(destination(context.topic()), null, null, key, value, headers);
    }

    /** The reason code of a processing failure: the rule that was broken, or a generic code. */
    public static String reasonOf(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof RejectedEventException rejected) {
                return rejected.reason();
            }
        }
        return PROCESSING_FAILED;
    }

    private static String describe(Exception exception) {
        StringBuilder text = new StringBuilder(exception.getClass().getName());
        if (exception.getMessage() != null) {
            text.append(": ").append(exception.getMessage());
        }
        return text.length() > MAX_EXCEPTION_TEXT ? text.substring(0, MAX_EXCEPTION_TEXT) : text.toString();
    }

    private static void add(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
