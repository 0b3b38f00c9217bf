package dev.troupe.shipping.domain;

import dev.troupe.events.DerivedIds;

/** Which carrier ships to a country, and the ids it hands out (derived from the order, so stable on replay). */
public final class Carriers {
    private Carriers() {}

    public static String carrierFor(String country) {
        return switch (country) {
            case "GB" -> "ROYAL_MAIL";
            case "US", "CA" -> "UPS";
            default -> "DHL";
        };
    }

    public static String shipmentId(String orderId) {
        return "ship-" + DerivedIds.of(orderId, "shipment");
    }

    public static String trackingNumber(String carrier, String orderId) {
        long digits = Math.abs(DerivedIds.of(orderId, "tracking").getMostSignificantBits() % 10_000_000_000L);
        String number = Long.toString(digits); // ten digits, zero-padded; not String.format, which is slower
        return carrier.substring(0, 2) + "0".repeat(10 - number.length()) + number;
    }
}
