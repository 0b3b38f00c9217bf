package dev.troupe.registry.server;

import java.util.ArrayList;
import java.util.List;

/** A log that lives as long as the process: for unit tests and throw-away registries. */
public class InMemorySchemaLog implements SchemaLog {
    private final List<LogEntry> entries = new ArrayList<>();

    @Override
    public synchronized List<LogEntry> replay() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(LogEntry entry) {
        entries.add(entry);
    }

    @Override
    public void close() {}
}
