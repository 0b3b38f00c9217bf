package dev.troupe.notification.mail;

/**
 * One message to a customer. The idempotency key (order id + template) names the message, so sending it
 * again is recognisable as the same message — by the outbox, and by mail systems through its Message-ID.
 */
public record Email(String idempotencyKey, String to, String subject, String body) {}
