package dev.troupe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.check.ObservedEvent;
import dev.troupe.events.EventText;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** One line per record: readable (coloured on a terminal) or JSON Lines. */
final class EventPrinter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean json;
    private final boolean colour;

    EventPrinter(PrintWriter out, boolean json, boolean colour) {
        this.out = out;
        this.json = json;
        this.colour = colour;
    }

    void print(ConsumerRecord<String, byte[]> record, ObservedEvent event) {
        if (json) {
            ObjectNode line = envelope(record);
            line.set("value", read(event.event().toString()));
            out.println(line);
        } else {
            String topic = String.format("%-19s", record.topic());
            out.printf(
                    "%s  %s  %-36s  %s%n",
                    TIME.format(Instant.ofEpochMilli(record.timestamp())),
                    colour ? colourOf(record.topic()) + topic + RESET : topic,
                    record.key(),
                    EventText.summary(event.event()));
        }
        out.flush();
    }

    void printUndecodable(ConsumerRecord<String, byte[]> record, String reason) {
        if (json) {
            ObjectNode line = envelope(record);
            line.put("error", reason);
            out.println(line);
        } else {
            out.printf(
                    "%s  %-19s  %-36s  cannot decode %s-%d@%d: %s%n",
                    TIME.format(Instant.ofEpochMilli(record.timestamp())),
                    record.topic(),
                    record.key(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    reason);
        }
        out.flush();
    }

    private static ObjectNode envelope(ConsumerRecord<String, byte[]> record) {
        ObjectNode line = JSON.createObjectNode()
                .put("topic", record.topic())
                .put("partition", record.partition())
                .put("offset", record.offset())
                .put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString())
                .put("key", record.key());
        byte[] value = record.value();
        if (value != null && value.length >= 5 && value[0] == 0) {
            line.put("schemaId", ByteBuffer.wrap(value, 1, 4).getInt());
        }
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return line;
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String avroJson) {
        try {
            return JSON.readTree(avroJson);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(avroJson);
        }
    }

    /** Green for progress, red for failures, yellow for compensations, cyan for the rest. */
    private static String colourOf(String topic) {
        if (topic.endsWith(".failed") || topic.equals("order.cancelled")) {
            return "\u001b[31m";
        }
        if (topic.endsWith(".refunded") || topic.endsWith(".released") || topic.equals("shipment.cancelled")) {
            return "\u001b[33m";
        }
        if (topic.equals("order.completed")
                || topic.endsWith(".created")
                || topic.endsWith(".reserved")
                || topic.endsWith(".completed")) {
            return "\u001b[32m";
        }
        return "\u001b[36m";
    }
}
