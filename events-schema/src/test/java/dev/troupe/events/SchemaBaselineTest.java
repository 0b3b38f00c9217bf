package dev.troupe.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.registry.server.CompatibilityLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Guards the wire contract: every topic's schema must stay BACKWARD compatible with the committed baseline in
 * {@code events-schema/baseline/}, so consumers on the new schema read everything already on the topics.
 * After an intended, compatible change, refresh the baseline with
 * {@code ./mvnw -pl events-schema -am test -Dtroupe.schema.baseline=write -Dtest=SchemaBaselineTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SchemaBaselineTest {
    private static final Path BASELINE = Path.of("baseline");

    @Test
    void everyTopicSchemaIsBackwardCompatibleWithTheCommittedBaseline() throws IOException {
        if ("write".equals(System.getProperty("troupe.schema.baseline"))) {
            writeBaseline();
        }
        List<String> problems = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            Path file = baselineOf(topic);
            if (!Files.exists(file)) {
                problems.add(topic.name() + ": no baseline at " + file.toAbsolutePath());
                continue;
            }
            Schema baseline = new Schema.Parser().parse(Files.readString(file));
            backwardIncompatibilities(topic.valueSchema(), baseline)
                    .forEach(p -> problems.add(topic.name() + ": " + p));
        }

        assertThat(problems)
                .as("schema changes that old data could not be read with")
                .isEmpty();
    }

    @Test
    void theCheckRejectsAFieldAddedWithoutADefault() throws IOException {
        Schema baseline = new Schema.Parser().parse(Files.readString(baselineOf(Topics.PAYMENT_FAILED)));
        Schema changed = withExtraField(baseline, Map.of("name", "retryable", "type", "boolean", "doc", "x"));

        assertThat(backwardIncompatibilities(changed, baseline))
                .singleElement()
                .asString()
                .contains("retryable");
    }

    @Test
    void theCheckAcceptsAFieldAddedWithADefault() throws IOException {
        Schema baseline = new Schema.Parser().parse(Files.readString(baselineOf(Topics.PAYMENT_FAILED)));
        Schema changed =
                withExtraField(baseline, Map.of("name", "retryable", "type", "boolean", "doc", "x", "default", false));

        assertThat(backwardIncompatibilities(changed, baseline)).isEmpty();
    }

    private static List<String> backwardIncompatibilities(Schema current, Schema baseline) {
        return CompatibilityLevel.BACKWARD.incompatibilities(current, List.of(baseline));
    }

    private static Schema withExtraField(Schema schema, Map<String, Object> field) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(schema.toString());
        tree.withArray("fields").addPOJO(field);
        return new Schema.Parser().parse(json.writeValueAsString(tree));
    }

    private static Path baselineOf(Topic<?> topic) {
        return BASELINE.resolve(topic.valueSubject() + ".avsc");
    }

    private static void writeBaseline() throws IOException {
        Files.createDirectories(BASELINE);
        for (Topic<?> topic : Topics.ALL) {
            Files.writeString(
                    baselineOf(topic),
                    org.apache.avro.SchemaFormatter.format("json/pretty", topic.valueSchema()) + "\n");
        }
    }
}
