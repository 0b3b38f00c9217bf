package dev.troupe.events;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes an {@code order.created} unusable, whoever wrote it: the same rules the order API applies to a
 * request, for events that reach the topic some other way. Every service that acts on an order uses them,
 * so none of them charges, reserves or ships an order the others reject.
 */
public final class OrderCreatedChecks {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Compiled once: every service checks every order it acts on. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private OrderCreatedChecks() {}

    /** Every problem of the order, each naming its field; empty for a valid order. */
    public static List<String> problems(OrderCreated order) {
        List<String> problems = new ArrayList<>();
        if (order.getCustomerId() == null || order.getCustomerId().isBlank()) {
            problems.add("customerId is missing");
        }
        if (order.getEmail() == null || !EMAIL.matcher(order.getEmail()).matches()) {
            problems.add("email is not an e-mail address");
        }
        if (order.getItems().isEmpty()) {
            problems.add("items: at least one item is needed");
        }
        long sum = 0;
        for (int i = 0; i < order.getItems().size(); i++) {
            OrderItem item = order.getItems().get(i);
            if (item.getQuantity() <= 0) {
                problems.add("items[" + i + "].quantity must be at least 1");
            }
            if (item.getUnitPriceCents() < 0) {
                problems.add("items[" + i + "].unitPriceCents must not be negative");
            }
            sum += (long) item.getQuantity() * item.getUnitPriceCents();
        }
        if (order.getTotalCents() != sum) {
            problems.add("totalCents is " + order.getTotalCents() + " but the lines add up to " + sum);
        }
        if (!isCurrency(order.getCurrency())) {
            problems.add("currency " + order.getCurrency() + " is not an ISO 4217 code");
        }
        if (!COUNTRIES.contains(order.getShippingAddress().getCountry())) {
            problems.add("shippingAddress.country " + order.getShippingAddress().getCountry()
                    + " is not an ISO 3166 alpha-2 code");
        }
        return problems;
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
