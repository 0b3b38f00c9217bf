package dev.troupe.notification.domain;

/** The messages the service sends: one of each per order at most. */
public enum Template {
    ORDER_CONFIRMATION,
    ORDER_CANCELLATION
}
