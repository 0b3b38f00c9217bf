package dev.troupe.shipping.domain;

/** The event to publish after an event, if any; {@code causeEventId} is what caused it. */
public record ShippingDecision(Kind kind, String causeEventId, String reason, String message) {
    public enum Kind {
        NOTHING,
        CREATED,
        FAILED,
        CANCELLED
    }

    public static final ShippingDecision NOTHING = new ShippingDecision(Kind.NOTHING, null, null, null);
}
