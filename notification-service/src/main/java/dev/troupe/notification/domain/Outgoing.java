package dev.troupe.notification.domain;

/** A message to send now, and the event that caused it. */
public record Outgoing(Template template, String causeEventId, String to, String subject, String body) {
    public String idempotencyKey(String orderId) {
        return orderId + "-" + template.step();
    }
}
