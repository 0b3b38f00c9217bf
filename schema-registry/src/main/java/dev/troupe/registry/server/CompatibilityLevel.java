package dev.troupe.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The compatibility levels of Confluent Schema Registry, decided with Avro's own {@link SchemaCompatibility}.
 *
 * <p>BACKWARD: a consumer on the new schema reads data written with the old one. FORWARD: a consumer on the
 * old schema reads data written with the new one. FULL: both. The {@code _TRANSITIVE} forms compare with
 * every earlier version instead of only the newest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    public static CompatibilityLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw RegistryException.invalidCompatibilityLevel(text);
        }
    }

    public boolean transitive() {
        return transitive;
    }

    /**
     * The schemas a candidate must be checked against, taken from the earlier versions listed newest first.
     */
    public List<Schema> relevant(List<Schema> earlierNewestFirst) {
        if (this == NONE || earlierNewestFirst.isEmpty()) {
            return List.of();
        }
        return transitive ? earlierNewestFirst : earlierNewestFirst.subList(0, 1);
    }

    /** Every reason the candidate is incompatible with the given earlier schemas; empty when compatible. */
    public List<String> incompatibilities(Schema candidate, List<Schema> earlier) {
        List<String> messages = new ArrayList<>();
        for (Schema previous : earlier) {
            if (newReadsOld) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous),
                        "new reads old",
                        messages);
            }
            if (oldReadsNew) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate),
                        "old reads new",
                        messages);
            }
        }
        return messages;
    }

    private static void describe(SchemaPairCompatibility result, String direction, List<String> messages) {
        for (SchemaCompatibility.Incompatibility incompatibility :
                result.getResult().getIncompatibilities()) {
            messages.add("{direction:'%s', errorType:'%s', description:'%s', location:'%s'}"
                    .formatted(
                            direction,
                            incompatibility.getType(),
                            incompatibility.getMessage(),
                            incompatibility.getLocation()));
        }
    }
}
