package dev.troupe.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.server.InMemorySchemaLog;
import dev.troupe.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Payment","namespace":"test","fields":[
              {"name":"id","type":"string"},{"name":"amountCents","type":"long"}]}""");
    private static final Schema V2 = new Schema.Parser().parse("""
            {"type":"record","name":"Payment","namespace":"test","fields":[
              {"name":"id","type":"string"},{"name":"amountCents","type":"long"},
              {"name":"currency","type":"string","default":"EUR"}]}""");

    private SchemaRegistryServer server;
    private Map<String, Object> config;

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start(new InetSocketAddress("127.0.0.1", 0), new InMemorySchemaLog());
        config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url().toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aGenericRecordSurvivesTheRoundTripInTheConfluentWireFormat() {
        byte[] bytes = serializer(config).serialize("payments", payment(V1, "p-1", 1250));

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(SchemaRegistryClient.of(server.url().toString()).schemaById(id))
                .isEqualTo(V1);
        GenericRecord read = deserializer(config).deserialize("payments", bytes);
        assertThat(read.get("id").toString()).isEqualTo("p-1");
        assertThat(read.get("amountCents")).isEqualTo(1250L);
    }

    @Test
    void registersUnderTheTopicNameSubject() {
        serializer(config).serialize("payments", payment(V1, "p-1", 1));

        assertThat(SchemaRegistryClient.of(server.url().toString()).subjects()).containsExactly("payments-value");
    }

    @Test
    void eachSchemaIsWrittenWithItsOwnIdUnderEachSubjectWhenTheIdsAreRemembered() {
        AvroSerializer<GenericRecord> serializer = serializer(config);
        SchemaRegistryClient registry = SchemaRegistryClient.of(server.url().toString());

        int v1 = idIn(serializer.serialize("payments", payment(V1, "p-1", 1)));
        GenericRecord inV2 = payment(V2, "p-2", 2);
        inV2.put("currency", "EUR");
        int v2 = idIn(serializer.serialize("payments", inV2));
        int v1Again = idIn(serializer.serialize("payments", payment(V1, "p-3", 3)));
        int v1Elsewhere = idIn(serializer.serialize("refunds", payment(V1, "r-1", 4)));

        assertThat(v2).isNotEqualTo(v1);
        assertThat(v1Again).isEqualTo(v1);
        assertThat(registry.schemaById(v2)).isEqualTo(V2);
        assertThat(registry.idOf("refunds-value", V1)).isEqualTo(v1Elsewhere);
        assertThat(registry.idOf("payments-value", V2)).isEqualTo(v2);
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesNothingBehindInTheNextOne() {
        AvroSerializer<GenericRecord> serializer = serializer(config);
        GenericRecord broken = payment(V1, "p-broken", 1);
        broken.put("amountCents", null);

        assertThatThrownBy(() -> serializer.serialize("payments", broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payments");
        byte[] next = serializer.serialize("payments", payment(V1, "p-2", 250));

        GenericRecord read = deserializer(config).deserialize("payments", next);
        assertThat(read.get("id").toString()).isEqualTo("p-2");
        assertThat(read.get("amountCents")).isEqualTo(250L);
    }

    @Test
    void nullStaysNullSoTombstonesPassThrough() {
        assertThat(serializer(config).serialize("payments", null)).isNull();
        assertThat(deserializer(config).deserialize("payments", null)).isNull();
    }

    @Test
    void bytesWithoutTheMagicByteAreRejectedNamingTheTopic() {
        assertThatThrownBy(() -> deserializer(config).deserialize("payments", "hello, world".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payments")
                .hasMessageContaining("magic byte");
    }

    @Test
    void tooFewBytesAreRejectedNamingTheTopic() {
        assertThatThrownBy(() -> deserializer(config).deserialize("payments", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payments")
                .hasMessageContaining("too short");
    }

    @Test
    void anUnknownSchemaIdIsRejectedNamingTheTopicAndTheId() {
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 'x'};

        assertThatThrownBy(() -> deserializer(config).deserialize("payments", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payments")
                .hasMessageContaining("schema id 12345");
    }

    @Test
    void aBodyThatDoesNotDecodeIsRejected() {
        byte[] good = serializer(config).serialize("payments", payment(V1, "p-1", 1));
        byte[] truncated = Arrays.copyOf(good, 7);

        assertThatThrownBy(() -> deserializer(config).deserialize("payments", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payments");
    }

    @Test
    void trailingGarbageAfterTheRecordIsRejected() {
        byte[] good = serializer(config).serialize("payments", payment(V1, "p-1", 1));
        byte[] padded = Arrays.copyOf(good, good.length + 3);

        assertThatThrownBy(() -> deserializer(config).deserialize("payments", padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("trailing bytes");
    }

    @Test
    void withAutoRegisterOffAnUnregisteredSchemaIsAnError() {
        Map<String, Object> noRegister = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                server.url().toString(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                "false");

        assertThatThrownBy(() -> serializer(noRegister).serialize("payments", payment(V1, "p-1", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payments-value")
                .hasMessageContaining("40401");
    }

    @Test
    void withUseLatestVersionARecordIsWrittenInTheSubjectsLatestSchema() {
        SchemaRegistryClient client = SchemaRegistryClient.of(server.url().toString());
        client.register("payments-value", V1);
        int latestId = client.register("payments-value", V2);
        Map<String, Object> useLatest = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url().toString(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true);

        byte[] bytes = serializer(useLatest).serialize("payments", payment(V1, "p-1", 5));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
        GenericRecord read = deserializer(config).deserialize("payments", bytes);
        assertThat(read.get("currency").toString()).isEqualTo("EUR");
        assertThat(read.get("amountCents")).isEqualTo(5L);
    }

    @Test
    void anUnreachableRegistryIsNamedInTheErrorAfterABoundedRetry() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        SchemaRegistryClient client = new SchemaRegistryClient(
                SchemaRegistryClient.parseUrls(url), Duration.ofSeconds(1), 3, Duration.ofSeconds(60));
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(client);
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);

        assertThatThrownBy(() -> serializer.serialize("payments", payment(V1, "p-1", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("unreachable after 3 attempts");
    }

    @Test
    void onlyTheTopicNameSubjectStrategyIsAccepted() {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(
                        Map.of(
                                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                                server.url().toString(),
                                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                                "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                        false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy");
    }

    @Test
    void aMissingRegistryUrlIsAConfigurationError() {
        assertThatThrownBy(() -> new AvroDeserializer<GenericRecord>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void somethingThatIsNotAnAvroRecordCannotBeSerialized() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(config, false);

        assertThatThrownBy(() -> serializer.serialize("payments", List.of("x")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payments");
    }

    private static GenericRecord payment(Schema schema, String id, long amountCents) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("amountCents", amountCents);
        return record;
    }

    private static AvroSerializer<GenericRecord> serializer(Map<String, Object> config) {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    private static AvroDeserializer<GenericRecord> deserializer(Map<String, Object> config) {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
        deserializer.configure(config, false);
        return deserializer;
    }

    private static int idIn(byte[] framed) {
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
