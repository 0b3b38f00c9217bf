package dev.troupe.notification.domain;

/** The messages the service sends: one of each per order at most. */
public enum Template {
    ORDER_CONFIRMATION,
    ORDER_CANCELLATION;

    /** How the template is named in idempotency keys ({@code order-confirmation}). */
    public String step() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Template ofStep(String step) {
        return valueOf(step.toUpperCase().replace('-', '_'));
    }
}
