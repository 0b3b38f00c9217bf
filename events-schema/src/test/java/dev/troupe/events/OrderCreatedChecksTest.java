package dev.troupe.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCreatedChecksTest {

    @Test
    void aWellFormedOrderHasNoProblem() {
        assertThat(OrderCreatedChecks.problems(SampleEvents.orderCreated("o-1")))
                .isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        OrderCreated order = SampleEvents.orderCreated("o-2");
        order.setItems(List.of(new OrderItem("SKU-001", 0, 100L), new OrderItem("SKU-002", 1, -5L)));
        order.setCurrency("EURO");
        order.setEmail("nobody");
        order.getShippingAddress().setCountry("Germany");

        assertThat(OrderCreatedChecks.problems(order))
                .hasSize(6)
                .anySatisfy(p -> assertThat(p).startsWith("items[0].quantity"))
                .anySatisfy(p -> assertThat(p).startsWith("totalCents is 7499"));
    }

    @Test
    void anOrderWithoutItemsIsInvalid() {
        OrderCreated order = SampleEvents.orderCreated("o-3");
        order.setItems(List.of());
        order.setTotalCents(0L);

        assertThat(OrderCreatedChecks.problems(order)).containsExactly("items: at least one item is needed");
    }
}
