package dev.troupe.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.registry.serde.AvroSerde;
import dev.troupe.registry.server.InMemorySchemaLog;
import dev.troupe.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventSerdeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaRegistryServer server;
    private SchemaRegistryClient registry;

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start(new InetSocketAddress("127.0.0.1", 0), new InMemorySchemaLog());
        registry = SchemaRegistryClient.of(server.url().toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyEventSurvivesTheRoundTripAsItsOwnClass() {
        for (Map.Entry<Topic<?>, SpecificRecord> entry :
                SampleEvents.oneOfEach("order-1").entrySet()) {
            Object read = roundTrip(entry.getKey(), entry.getValue());

            assertThat(read).as(entry.getKey().name()).isEqualTo(entry.getValue());
        }
        assertThat(registry.subjects()).hasSize(Topics.ALL.size());
    }

    @Test
    void readsAnEventWrittenWithAnOlderSchema() throws IOException {
        Schema older =
                edit(PaymentFailed.getClassSchema(), json -> metaFields(json).remove(2));
        GenericRecord meta = new GenericData.Record(older.getField("meta").schema());
        meta.put("eventId", "e-1");
        meta.put("orderId", "order-1");
        meta.put("occurredAt", 1_700_000_000_000L);
        meta.put("source", "payment-service");
        GenericRecord failed = new GenericData.Record(older);
        failed.put("meta", meta);
        failed.put("reason", "INSUFFICIENT_CREDIT");
        failed.put("message", "credit exceeded");

        PaymentFailed read = readAs(Topics.PAYMENT_FAILED, failed);

        assertThat(read.getMeta().getCausationId()).isNull();
        assertThat(read.getReason()).isEqualTo("INSUFFICIENT_CREDIT");
    }

    @Test
    void readsAnEventWrittenWithANewerSchema() throws IOException {
        Schema newer = edit(
                PaymentFailed.getClassSchema(),
                json -> ((ArrayNode) json.get("fields"))
                        .addObject()
                        .put("name", "retryable")
                        .put("type", "boolean")
                        .put("doc", "Whether a retry may succeed.")
                        .put("default", false));
        GenericRecord failed = new GenericData.Record(newer);
        PaymentFailed original =
                (PaymentFailed) SampleEvents.oneOfEach("order-1").get(Topics.PAYMENT_FAILED);
        failed.put("meta", genericMeta(newer.getField("meta").schema(), original.getMeta()));
        failed.put("reason", original.getReason());
        failed.put("message", original.getMessage());
        failed.put("retryable", true);

        PaymentFailed read = readAs(Topics.PAYMENT_FAILED, failed);

        assertThat(read).isEqualTo(original);
    }

    @Test
    void aRecordOfAnotherTypeOnATopicIsRejectedNamingTheTopic() {
        Serde<OrderCompleted> writer = Topics.ORDER_COMPLETED.valueSerde(registry);
        byte[] completed = writer.serializer()
                .serialize("order.created", new OrderCompleted(SampleEvents.meta("o-1", "order-service"), "s", "t"));

        assertThatThrownBy(() -> Topics.ORDER_CREATED
                        .valueSerde(registry)
                        .deserializer()
                        .deserialize("order.created", completed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("order.created")
                .hasMessageContaining("OrderCompleted");
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> Object roundTrip(Topic<V> topic, SpecificRecord event) {
        Serde<V> serde = topic.valueSerde(registry);
        byte[] bytes = serde.serializer().serialize(topic.name(), (V) event);
        return serde.deserializer().deserialize(topic.name(), bytes);
    }

    private <V extends SpecificRecord> V readAs(Topic<V> topic, GenericRecord written) {
        byte[] bytes = AvroSerde.generic(registry).serializer().serialize("evolution." + topic.name(), written);
        return topic.valueSerde(registry).deserializer().deserialize("evolution." + topic.name(), bytes);
    }

    private static GenericRecord genericMeta(Schema schema, EventMeta meta) {
        GenericRecord generic = new GenericData.Record(schema);
        generic.put("eventId", meta.getEventId());
        generic.put("orderId", meta.getOrderId());
        generic.put("causationId", meta.getCausationId());
        generic.put("occurredAt", meta.getOccurredAt().toEpochMilli());
        generic.put("source", meta.getSource());
        return generic;
    }

    private static ArrayNode metaFields(ObjectNode schema) {
        return (ArrayNode) schema.get("fields").get(0).get("type").get("fields");
    }

    private static Schema edit(Schema schema, java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(schema.toString());
        change.accept(json);
        return new Schema.Parser().parse(json.toString());
    }
}
