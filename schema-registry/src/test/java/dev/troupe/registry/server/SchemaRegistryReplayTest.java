package dev.troupe.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaRegistryReplayTest {

    @Test
    void aRegistryRebuiltFromItsLogHasTheSameIdsVersionsAndLevels() {
        InMemorySchemaLog log = new InMemorySchemaLog();
        SchemaRegistry original = new SchemaRegistry(log);
        int v1 = original.register("p-value", Schemas.V1);
        int v2 = original.register("p-value", Schemas.V2_ADDS_OPTIONAL);
        original.setCompatibility("p-value", CompatibilityLevel.FULL);
        original.deleteVersion("p-value", "1", false);

        SchemaRegistry rebuilt = new SchemaRegistry(log);

        assertThat(rebuilt.register("p-value", Schemas.V2_ADDS_OPTIONAL)).isEqualTo(v2);
        assertThat(rebuilt.schemaById(v1)).isEqualTo(original.schemaById(v1));
        assertThat(rebuilt.versions("p-value", false)).containsExactly(2);
        assertThat(rebuilt.versions("p-value", true)).containsExactly(1, 2);
        assertThat(rebuilt.subjectCompatibility("p-value")).contains(CompatibilityLevel.FULL);
    }

    @Test
    void aFailedWriteChangesNothing() {
        SchemaLog failing = new InMemorySchemaLog() {
            @Override
            public synchronized void append(LogEntry entry) {
                throw new IllegalStateException("broker down");
            }
        };
        SchemaRegistry registry = new SchemaRegistry(failing);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.register("p-value", Schemas.V1))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50001));
        assertThat(registry.subjects(true)).isEmpty();
    }
}
