package dev.troupe.registry.server;

/**
 * One durable change to the registry. Replaying every entry in order rebuilds the registry's state, which is
 * how ids and versions survive a restart.
 */
public sealed interface LogEntry {

    /** A subject version was registered, or soft-deleted when {@code deleted} is true. */
    record VersionWritten(String subject, int version, int id, String schema, boolean deleted) implements LogEntry {}

    /** A soft-deleted version was deleted permanently; its id is remembered so it is never given out again. */
    record VersionErased(String subject, int version, int id) implements LogEntry {}

    /** The compatibility level of a subject, or the global one when {@code subject} is null; null level resets. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements LogEntry {}
}
