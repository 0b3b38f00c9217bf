package dev.troupe.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.order.domain.Compensations;
import dev.troupe.order.domain.Order;
import dev.troupe.order.domain.OrderStatus;
import dev.troupe.order.domain.TimelineEntry;
import dev.troupe.runtime.JsonSerde;
import dev.troupe.runtime.TaggedSerde;
import org.junit.jupiter.api.Test;

class OrderCodecTest {
    private final TaggedSerde<Order> serde = new TaggedSerde<>(Order.class, new OrderCodec());

    @Test
    void anOrderReadsBackWithEveryFieldAndItsWholeTimeline() {
        Order order = cancelledAfterShipping();

        Order back =
                serde.deserializer().deserialize("orders", serde.serializer().serialize("orders", order));

        assertThat(back).usingRecursiveComparison().isEqualTo(order);
    }

    @Test
    void anOrderJustStartedReadsBackWithItsDefaults() {
        Order order = new Order("order-1", 1_765_000_000_000L);

        Order back =
                serde.deserializer().deserialize("orders", serde.serializer().serialize("orders", order));

        assertThat(back).usingRecursiveComparison().isEqualTo(order);
        assertThat(back.status).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void anOrderStoredAsJsonByAnEarlierVersionReadsTheSame() {
        Order order = cancelledAfterShipping();
        byte[] json = new JsonSerde<>(Order.class).serializer().serialize("orders", order);

        assertThat(serde.deserializer().deserialize("orders", json))
                .usingRecursiveComparison()
                .isEqualTo(order);
    }

    @Test
    void theStoredOrderIsSmallerThanItsJson() {
        Order order = cancelledAfterShipping();

        assertThat(serde.serializer().serialize("orders", order))
                .hasSizeLessThan(new JsonSerde<>(Order.class).serializer().serialize("orders", order).length);
    }

    private static Order cancelledAfterShipping() {
        Order order = new Order("3f0c6c1e-8b2a-4f7e-9d1a-2b3c4d5e6f70", 1_765_000_000_000L);
        order.customerId = "customer-42";
        order.email = "jörg@example.com";
        order.totalCents = 12_999;
        order.currency = "EUR";
        order.country = "DE";
        order.createdEventId = "event-1";
        order.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        order.status = OrderStatus.CANCELLED;
        order.reason = "SHIPPING_FAILED";
        order.message = "no carrier serves AQ";
        order.payment = Compensations.Payment.REFUNDED;
        order.stock = Compensations.Stock.RELEASED;
        order.shipment = Compensations.Shipment.FAILED;
        order.shipmentId = "shipment-1";
        order.trackingNumber = "TRK0000000042";
        order.finishedAt = 1_765_000_000_900L;
        order.timeline.add(new TimelineEntry(
                "order.created", "event-1", null, "order-service", 1_765_000_000_000L, "2 lines, 129.99 EUR"));
        order.timeline.add(new TimelineEntry(
                "payment.completed", "event-2", "event-1", "payment-service", 1_765_000_000_100L, "charged"));
        return order;
    }
}
