package dev.troupe.runtime.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The books of a simulated outside system: one file per idempotency key, written whole or not at all. A call
 * with a key already on the books does nothing and answers what was recorded the first time, as a real
 * payment gateway or carrier does with an idempotency key. It lives outside the service's state, so it
 * survives a crash of the service, as the real system would.
 */
public final class IdempotentLedger {
    private final Path directory;

    public IdempotentLedger(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Records the entry under its key unless one is there; returns the entry on the books. */
    public synchronized String recordOnce(String idempotencyKey, String entry) {
        Path file = directory.resolve(fileName(idempotencyKey));
        try {
            Optional<String> existing = WholeFiles.read(file);
            if (existing.isPresent()) {
                return existing.get();
            }
            WholeFiles.write(file, entry);
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the ledger " + directory, e);
        }
    }

    public Optional<String> find(String idempotencyKey) {
        try {
            return WholeFiles.read(directory.resolve(fileName(idempotencyKey)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger " + directory, e);
        }
    }

    static String fileName(String idempotencyKey) {
        return FileNames.of(idempotencyKey, ".entry");
    }
}
