package dev.troupe.order.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.order.OrderRequest;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code POST /orders} body into an {@link OrderRequest}, or names every field that is wrong. The
 * total may be left out (then it is the sum of the lines); if given, it must be that sum.
 */
public final class OrderRequestParser {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Either a request or the errors by field path, e.g. {@code items[1].quantity}. */
    public record Parsed(OrderRequest request, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private OrderRequestParser() {}

    public static Parsed parse(JsonNode body, String orderId, long nowMillis) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            errors.put("$", "the body must be a JSON object");
            return new Parsed(null, errors);
        }
        String customerId = text(body, "customerId", errors);
        String email = text(body, "email", errors);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            errors.put("email", "not an e-mail address");
        }
        List<OrderRequest.Line> lines = lines(body.get("items"), errors);
        String currency = text(body, "currency", errors);
        if (currency != null && !isCurrency(currency)) {
            errors.put("currency", "not an ISO 4217 currency code");
        }
        OrderRequest.ShippingAddress address = address(body.get("shippingAddress"), errors);
        long sum =
                lines.stream().mapToLong(l -> l.quantity() * l.unitPriceCents()).sum();
        long total = sum;
        JsonNode totalNode = body.get("totalCents");
        if (totalNode != null && !totalNode.isNull()) {
            if (!totalNode.canConvertToLong() || !totalNode.isIntegralNumber()) {
                errors.put("totalCents", "must be a whole number of minor units");
            } else if (totalNode.asLong() != sum) {
                errors.put("totalCents", "is " + totalNode.asLong() + " but the lines add up to " + sum);
            } else {
                total = totalNode.asLong();
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(
                new OrderRequest(orderId, customerId, email, lines, total, currency, address, nowMillis), errors);
    }

    private static List<OrderRequest.Line> lines(JsonNode items, Map<String, String> errors) {
        List<OrderRequest.Line> lines = new ArrayList<>();
        if (items == null || !items.isArray() || items.isEmpty()) {
            errors.put("items", "at least one item is needed");
            return lines;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "items[" + i + "]";
            JsonNode item = items.get(i);
            String sku = text(item, "sku", errors, path + ".sku");
            JsonNode quantity = item.get("quantity");
            if (quantity == null || !quantity.isInt() || quantity.asInt() <= 0) {
                errors.put(path + ".quantity", "must be a whole number of at least 1");
            }
            JsonNode price = item.get("unitPriceCents");
            if (price == null || !price.isIntegralNumber() || price.asLong() < 0) {
                errors.put(path + ".unitPriceCents", "must be a whole number of minor units, not negative");
            }
            if (sku != null && quantity != null && quantity.isInt() && price != null && price.isIntegralNumber()) {
                lines.add(new OrderRequest.Line(sku, quantity.asInt(), price.asLong()));
            }
        }
        return lines;
    }

    private static OrderRequest.ShippingAddress address(JsonNode address, Map<String, String> errors) {
        if (address == null || !address.isObject()) {
            errors.put("shippingAddress", "is missing");
            return null;
        }
        String country = text(address, "country", errors, "shippingAddress.country");
        if (country != null && !COUNTRIES.contains(country)) {
            errors.put("shippingAddress.country", "not an ISO 3166 alpha-2 country code");
        }
        return new OrderRequest.ShippingAddress(
                text(address, "name", errors, "shippingAddress.name"),
                text(address, "street", errors, "shippingAddress.street"),
                text(address, "city", errors, "shippingAddress.city"),
                text(address, "postalCode", errors, "shippingAddress.postalCode"),
                country);
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field, Map<String, String> errors) {
        return text(node, field, errors, field);
    }

    private static String text(JsonNode node, String field, Map<String, String> errors, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            errors.put(path, "is missing");
            return null;
        }
        return value.asText().trim();
    }
}
