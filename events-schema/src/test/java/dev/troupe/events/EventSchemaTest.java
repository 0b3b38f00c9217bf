package dev.troupe.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EventSchemaTest {

    @Test
    void everyTopicOfTheDesignHasOneRecordType() {
        assertThat(Topics.ALL)
                .extracting(Topic::name)
                .containsExactlyInAnyOrder(
                        "order.created",
                        "payment.completed",
                        "payment.failed",
                        "payment.refunded",
                        "inventory.reserved",
                        "inventory.failed",
                        "inventory.released",
                        "shipment.created",
                        "shipment.failed",
                        "shipment.cancelled",
                        "order.completed",
                        "order.cancelled",
                        "notification.sent");
        assertThat(Topics.ALL).extracting(Topic::valueType).doesNotHaveDuplicates();
    }

    @Test
    void everyEventCarriesEventMeta() {
        for (Topic<?> topic : Topics.ALL) {
            Schema.Field meta = topic.valueSchema().getField("meta");
            assertThat(meta).as(topic.name()).isNotNull();
            assertThat(meta.schema().getFullName()).isEqualTo(EventMeta.class.getName());
        }
    }

    @Test
    void everyFieldOfEveryRecordHasADoc() {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Topics.ALL.forEach(topic -> collectUndocumented(topic.valueSchema(), seen, undocumented));

        assertThat(undocumented).isEmpty();
        assertThat(seen)
                .contains(
                        "dev.troupe.events.EventMeta",
                        "dev.troupe.events.OrderItem",
                        "dev.troupe.events.Address",
                        "dev.troupe.events.ReservedItem",
                        "dev.troupe.events.Shortage");
    }

    @Test
    void theEventIdentityFieldsAreWhereTheContractSaysTheyAre() {
        Schema meta = EventMeta.getClassSchema();

        assertThat(meta.getField("causationId").schema().getTypes())
                .extracting(Schema::getType)
                .containsExactly(Schema.Type.NULL, Schema.Type.STRING);
        assertThat(meta.getField("occurredAt").schema().getLogicalType().getName())
                .isEqualTo("timestamp-millis");
        assertThat(OrderCreated.getClassSchema().getField("totalCents").schema().getType())
                .isEqualTo(Schema.Type.LONG);
    }

    private static void collectUndocumented(Schema schema, Set<String> seen, List<String> undocumented) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                if (schema.getDoc() == null || schema.getDoc().isBlank()) {
                    undocumented.add(schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (field.doc() == null || field.doc().isBlank()) {
                        undocumented.add(schema.getFullName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), seen, undocumented);
                }
            }
            case ARRAY -> collectUndocumented(schema.getElementType(), seen, undocumented);
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, seen, undocumented));
            default -> {}
        }
    }
}
