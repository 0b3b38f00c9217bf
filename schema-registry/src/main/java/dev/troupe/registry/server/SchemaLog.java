package dev.troupe.registry.server;

import java.util.List;

/** Where the registry keeps its changes. {@link #append} returns only once the entry is durable. */
public interface SchemaLog extends AutoCloseable {

    /** Every entry written so far, oldest first. */
    List<LogEntry> replay();

    void append(LogEntry entry);

    @Override
    void close();
}
