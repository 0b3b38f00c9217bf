package dev.troupe.order.domain;

/** What the order service publishes after an event: nothing, order.completed or order.cancelled. */
public record OrderDecision(Kind kind, String reason, String message) {
    public enum Kind {
        NONE,
        COMPLETE,
        CANCEL
    }

    public static final OrderDecision NONE = new OrderDecision(Kind.NONE, null, null);
    public static final OrderDecision COMPLETE = new OrderDecision(Kind.COMPLETE, null, null);

    public static OrderDecision cancel(String reason, String message) {
        return new OrderDecision(Kind.CANCEL, reason, message);
    }
}
