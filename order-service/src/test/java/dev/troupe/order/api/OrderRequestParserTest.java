package dev.troupe.order.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OrderRequestParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aValidOrderIsAcceptedAndItsTotalIsTheSumOfItsLines() throws Exception {
        OrderRequestParser.Parsed parsed = parse("""
                {"customerId":"c1","email":"c1@example.com","currency":"EUR",
                 "items":[{"sku":"SKU-001","quantity":2,"unitPriceCents":1250},{"sku":"SKU-002","quantity":1,"unitPriceCents":99}],
                 "shippingAddress":{"name":"Ada","street":"S 1","city":"Berlin","postalCode":"10115","country":"DE"}}""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.request().totalCents()).isEqualTo(2_599L);
        assertThat(parsed.request().orderId()).isEqualTo("order-1");
    }

    @Test
    void everyBadFieldIsNamed() throws Exception {
        OrderRequestParser.Parsed parsed = parse("""
                {"email":"not-an-address","currency":"EURO","totalCents":5,
                 "items":[{"sku":"SKU-001","quantity":0,"unitPriceCents":-1},{"quantity":1,"unitPriceCents":10}],
                 "shippingAddress":{"name":"Ada","street":"S 1","city":"Berlin","postalCode":"10115","country":"Germany"}}""");

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors())
                .containsOnlyKeys(
                        "customerId",
                        "email",
                        "currency",
                        "items[0].quantity",
                        "items[0].unitPriceCents",
                        "items[1].sku",
                        "shippingAddress.country",
                        "totalCents");
    }

    @Test
    void anOrderWithoutItemsOrAddressIsRejected() throws Exception {
        OrderRequestParser.Parsed parsed =
                parse("{\"customerId\":\"c1\",\"email\":\"a@b.c\",\"currency\":\"EUR\",\"items\":[]}");

        assertThat(parsed.errors()).containsKeys("items", "shippingAddress");
    }

    @Test
    void aTotalThatIsNotTheSumOfTheLinesIsRejected() throws Exception {
        OrderRequestParser.Parsed parsed = parse("""
                {"customerId":"c1","email":"c1@example.com","currency":"EUR","totalCents":1000,
                 "items":[{"sku":"SKU-001","quantity":2,"unitPriceCents":1250}],
                 "shippingAddress":{"name":"Ada","street":"S 1","city":"Berlin","postalCode":"10115","country":"DE"}}""");

        assertThat(parsed.errors()).containsOnlyKeys("totalCents");
        assertThat(parsed.errors().get("totalCents")).contains("2500");
    }

    @Test
    void theSameIdempotencyKeyFromTheSameCustomerNamesTheSameOrder() {
        assertThat(OrderApi.orderId("key-1", "c1")).isEqualTo(OrderApi.orderId("key-1", "c1"));
        assertThat(OrderApi.orderId("key-1", "c1")).isNotEqualTo(OrderApi.orderId("key-1", "c2"));
        assertThat(OrderApi.orderId(null, "c1")).isNotEqualTo(OrderApi.orderId(null, "c1"));
    }

    private static OrderRequestParser.Parsed parse(String json) throws Exception {
        return OrderRequestParser.parse(JSON.readTree(json), "order-1", 0);
    }
}
