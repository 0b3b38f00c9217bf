package dev.troupe.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.server.KafkaSchemaLog;
import dev.troupe.registry.server.SchemaRegistryServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevStackExtension.class)
class SchemaRegistryPersistenceTest {
    private static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Thing","fields":[{"name":"a","type":"string"}]}""");
    private static final Schema V2 = new Schema.Parser().parse("""
            {"type":"record","name":"Thing","fields":[{"name":"a","type":"string"},
             {"name":"b","type":"int","default":0}]}""");
    private static final Schema OTHER = new Schema.Parser().parse("""
            {"type":"record","name":"Other","fields":[{"name":"x","type":"long"}]}""");

    @Test
    void idsVersionsAndLevelsSurviveARestartOfTheRegistry(DevStack stack) throws Exception {
        String topic = "_schemas-" + UUID.randomUUID();
        int v1;
        int v2;
        int other;
        try (SchemaRegistryServer first = start(stack, topic)) {
            SchemaRegistryClient client = SchemaRegistryClient.of(first.url().toString());
            v1 = client.register("things-value", V1);
            v2 = client.register("things-value", V2);
            other = client.register("others-value", OTHER);
            client.setCompatibility("things-value", "FULL");
        }

        try (SchemaRegistryServer second = start(stack, topic)) {
            SchemaRegistryClient client = SchemaRegistryClient.of(second.url().toString());

            assertThat(client.schemaById(v1)).isEqualTo(V1);
            assertThat(client.schemaById(other)).isEqualTo(OTHER);
            assertThat(client.register("things-value", V1)).isEqualTo(v1);
            assertThat(client.latest("things-value").id()).isEqualTo(v2);
            assertThat(client.versions("things-value")).containsExactly(1, 2);
            assertThat(client.subjects()).containsExactly("others-value", "things-value");
            int next = client.register(
                    "new-value", new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"N\",\"fields\":[]}"));
            assertThat(next).isGreaterThan(Math.max(v2, other));
        }
    }

    @Test
    void theStacksOwnRegistryIsBackedByKafka(DevStack stack) {
        SchemaRegistryClient client = SchemaRegistryClient.of(stack.schemaRegistryUrl());
        int id = client.register("stack-" + UUID.randomUUID() + "-value", OTHER);

        try (SchemaRegistryServer replica = DevStack.startRegistry(stack.bootstrapServers(), 0)) {
            assertThat(SchemaRegistryClient.of(replica.url().toString()).schemaById(id))
                    .isEqualTo(OTHER);
        }
    }

    private static SchemaRegistryServer start(DevStack stack, String topic) throws Exception {
        return SchemaRegistryServer.start(
                new InetSocketAddress("127.0.0.1", 0),
                new KafkaSchemaLog(stack.bootstrapServers(), topic, (short) 1, Duration.ofSeconds(30)));
    }
}
