package dev.troupe.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.Topics;
import java.util.UUID;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Confluent's own Java client, unchanged, against troupe's registry server. */
@ExtendWith(DevStackExtension.class)
class ConfluentJavaClientConformanceTest {
    private static final String PAYMENT_V1 = """
            {"type":"record","name":"Payment","namespace":"conformance","fields":[
              {"name":"id","type":"string"},{"name":"amountCents","type":"long"}]}""";
    private static final String PAYMENT_V2 = """
            {"type":"record","name":"Payment","namespace":"conformance","fields":[
              {"name":"id","type":"string"},{"name":"amountCents","type":"long"},
              {"name":"currency","type":"string","default":"EUR"}]}""";
    private static final String PAYMENT_INCOMPATIBLE = """
            {"type":"record","name":"Payment","namespace":"conformance","fields":[
              {"name":"id","type":"string"},{"name":"amountCents","type":"long"},
              {"name":"currency","type":"string"}]}""";

    private String registryUrl;
    private CachedSchemaRegistryClient confluent;
    private String subject;

    @BeforeEach
    void connect(DevStack stack) {
        registryUrl = stack.schemaRegistryUrl();
        confluent = new CachedSchemaRegistryClient(registryUrl, 100);
        subject = "conformance-" + UUID.randomUUID() + "-value";
    }

    @Test
    void registersLooksUpAndFetchesById() throws Exception {
        int id = confluent.register(subject, new AvroSchema(PAYMENT_V1));

        CachedSchemaRegistryClient fresh = new CachedSchemaRegistryClient(registryUrl, 100);
        assertThat(fresh.getId(subject, new AvroSchema(PAYMENT_V1))).isEqualTo(id);
        assertThat(fresh.getVersion(subject, new AvroSchema(PAYMENT_V1))).isEqualTo(1);
        assertThat(fresh.getSchemaById(id).canonicalString()).isEqualTo(new AvroSchema(PAYMENT_V1).canonicalString());
        assertThat(fresh.getAllSubjects()).contains(subject);
        assertThat(fresh.register(subject, new AvroSchema(PAYMENT_V1))).isEqualTo(id);
    }

    @Test
    void evolvesASubjectAndReportsTheLatestVersion() throws Exception {
        confluent.register(subject, new AvroSchema(PAYMENT_V1));
        int v2 = confluent.register(subject, new AvroSchema(PAYMENT_V2));

        SchemaMetadata latest = confluent.getLatestSchemaMetadata(subject);

        assertThat(latest.getId()).isEqualTo(v2);
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(confluent.getAllVersions(subject)).containsExactly(1, 2);
    }

    @Test
    void checksCompatibility() throws Exception {
        confluent.register(subject, new AvroSchema(PAYMENT_V1));

        assertThat(confluent.testCompatibility(subject, new AvroSchema(PAYMENT_V2)))
                .isTrue();
        assertThat(confluent.testCompatibility(subject, new AvroSchema(PAYMENT_INCOMPATIBLE)))
                .isFalse();
        assertThat(confluent.testCompatibilityVerbose(subject, new AvroSchema(PAYMENT_INCOMPATIBLE)))
                .anySatisfy(message -> assertThat(message).contains("currency"));
    }

    @Test
    void receives409ForAnIncompatibleSchema() throws Exception {
        confluent.register(subject, new AvroSchema(PAYMENT_V1));

        assertThatThrownBy(() -> confluent.register(subject, new AvroSchema(PAYMENT_INCOMPATIBLE)))
                .isInstanceOfSatisfying(RestClientException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(409);
                    assertThat(e.getErrorCode()).isEqualTo(409);
                });
    }

    @Test
    void receivesConfluentErrorCodesForWhatIsNotThere() {
        assertThatThrownBy(() -> confluent.getLatestSchemaMetadata(subject))
                .isInstanceOfSatisfying(
                        RestClientException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> confluent.getSchemaById(987_654))
                .isInstanceOfSatisfying(
                        RestClientException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(40403));
    }

    @Test
    void setsCompatibilityLevelsAndDeletesSubjects() throws Exception {
        confluent.register(subject, new AvroSchema(PAYMENT_V1));

        assertThat(confluent.updateCompatibility(subject, "NONE")).isEqualTo("NONE");
        assertThat(confluent.getCompatibility(subject)).isEqualTo("NONE");
        confluent.register(subject, new AvroSchema(PAYMENT_INCOMPATIBLE));
        assertThat(confluent.deleteSubject(subject)).containsExactly(1, 2);
        assertThat(confluent.getAllSubjects()).doesNotContain(subject);
    }

    @Test
    void readsTheSchemasTroupeRegistersForItsEvents(DevStack stack) throws Exception {
        dev.troupe.registry.client.SchemaRegistryClient troupe =
                dev.troupe.registry.client.SchemaRegistryClient.of(stack.schemaRegistryUrl());
        int id = troupe.register("conformance." + UUID.randomUUID() + "-value", Topics.ORDER_CREATED.valueSchema());

        assertThat(confluent.getSchemaById(id).canonicalString())
                .isEqualTo(new AvroSchema(Topics.ORDER_CREATED.valueSchema().toString()).canonicalString());
    }
}
