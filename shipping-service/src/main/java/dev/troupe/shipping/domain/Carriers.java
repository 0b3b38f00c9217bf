package dev.troupe.shipping.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

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
        return "ship-" + uuid(orderId, "shipment");
    }

    public static String trackingNumber(String carrier, String orderId) {
        long digits = Math.abs(uuid(orderId, "tracking").getMostSignificantBits() % 10_000_000_000L);
        return carrier.substring(0, 2) + String.format("%010d", digits);
    }

    private static UUID uuid(String orderId, String purpose) {
        return UUID.nameUUIDFromBytes((orderId + "|" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
