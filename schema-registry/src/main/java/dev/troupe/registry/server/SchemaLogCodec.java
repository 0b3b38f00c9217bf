package dev.troupe.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.registry.server.LogEntry.CompatibilitySet;
import dev.troupe.registry.server.LogEntry.VersionErased;
import dev.troupe.registry.server.LogEntry.VersionWritten;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON keys and values of the {@code _schemas} topic, shaped like Confluent's own ({@code keytype},
 * {@code subject}, {@code version}) so the topic reads naturally to anyone who knows that registry. The key
 * identifies what an entry is about, so compaction keeps exactly the newest state of each version and config.
 */
final class SchemaLogCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Encoded(byte[] key, byte[] value) {}

    private SchemaLogCodec() {}

    static Encoded encode(LogEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode value = JSON.createObjectNode();
        if (entry instanceof VersionWritten w) {
            key.put("keytype", "SCHEMA").put("subject", w.subject()).put("version", w.version());
            value.put("subject", w.subject())
                    .put("version", w.version())
                    .put("id", w.id())
                    .put("schema", w.schema())
                    .put("deleted", w.deleted());
        } else if (entry instanceof VersionErased e) {
            key.put("keytype", "SCHEMA").put("subject", e.subject()).put("version", e.version());
            // Not a tombstone: the id must outlive compaction so that it is never handed out again.
            value.put("subject", e.subject())
                    .put("version", e.version())
                    .put("id", e.id())
                    .put("erased", true);
        } else if (entry instanceof CompatibilitySet c) {
            key.put("keytype", "CONFIG");
            key.put("subject", c.subject());
            value.put("compatibilityLevel", c.level() == null ? null : c.level().name());
        }
        return new Encoded(bytes(key), bytes(value));
    }

    static LogEntry decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = tree(keyBytes);
        JsonNode value = tree(valueBytes);
        String subject =
                key.path("subject").isNull() ? null : key.path("subject").asText(null);
        return switch (key.path("keytype").asText()) {
            case "SCHEMA" ->
                value.path("erased").asBoolean(false)
                        ? new VersionErased(
                                subject,
                                value.get("version").asInt(),
                                value.get("id").asInt())
                        : new VersionWritten(
                                subject,
                                value.get("version").asInt(),
                                value.get("id").asInt(),
                                value.get("schema").asText(),
                                value.path("deleted").asBoolean(false));
            case "CONFIG" ->
                new CompatibilitySet(
                        subject,
                        value.path("compatibilityLevel").isTextual()
                                ? CompatibilityLevel.parse(
                                        value.get("compatibilityLevel").asText())
                                : null);
            default -> throw new IllegalStateException("Unknown entry in the schemas topic: " + key);
        };
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
