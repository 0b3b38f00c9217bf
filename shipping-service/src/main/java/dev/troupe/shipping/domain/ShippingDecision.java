package dev.troupe.shipping.domain;

/**
 * What to do after an event: the event to publish, if any ({@code causeEventId} is what caused it), and the
 * call to make at the carrier, if any.
 */
public record ShippingDecision(Kind kind, String causeEventId, String reason, String message, CarrierCall call) {
    public enum Kind {
        NOTHING,
        CREATED,
        FAILED,
        CANCELLED
    }

    public enum CarrierCall {
        NONE,
        BOOK,
        CANCEL;

        /** With the order id, the call's idempotency key at the carrier. */
        public String step() {
            return name().toLowerCase();
        }
    }

    public static final ShippingDecision NOTHING =
            new ShippingDecision(Kind.NOTHING, null, null, null, CarrierCall.NONE);

    static ShippingDecision call(CarrierCall call) {
        return new ShippingDecision(Kind.NOTHING, null, null, null, call);
    }

    static ShippingDecision publish(Kind kind, String causeEventId, String reason, String message) {
        return new ShippingDecision(kind, causeEventId, reason, message, CarrierCall.NONE);
    }
}
