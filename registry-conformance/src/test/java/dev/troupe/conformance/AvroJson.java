package dev.troupe.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * A record as a JavaScript Avro decoder (avsc) shows it: fields by name, timestamps as epoch milliseconds,
 * nullable unions unwrapped. Parsed back through JSON so numbers compare the way Node's output parses.
 */
final class AvroJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroJson() {}

    static JsonNode of(IndexedRecord record) {
        try {
            return JSON.readTree(JSON.writeValueAsString(plain(record)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Object plain(Object value) {
        if (value instanceof IndexedRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                fields.put(field.name(), plain(record.get(field.pos())));
            }
            return fields;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AvroJson::plain).toList();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return value instanceof CharSequence text ? text.toString() : value;
    }
}
