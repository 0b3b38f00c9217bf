package dev.troupe.runtime.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger of a simulated payment gateway or carrier: one entry per idempotency key, the first one recorded.
 * A call repeated with the same key changes nothing on the books, as with a real gateway or carrier. It lives
 * outside the service's state, so it survives a crash of the service, as the real system would.
 */
public final class IdempotentLedger {
    private final AppendOnlyBook book;

    public IdempotentLedger(Path directory) {
        this.book = new AppendOnlyBook(directory);
    }

    /** Records the entry under its key; if the key is on the books already, the first entry stays. */
    public void record(String idempotencyKey, String entry) {
        try {
            book.append(idempotencyKey, entry);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the ledger " + book.directory(), e);
        }
    }

    public Optional<String> find(String idempotencyKey) {
        return Optional.ofNullable(entries(book.directory()).get(idempotencyKey));
    }

    /** Every idempotency key on the books in {@code directory}, with its entry. */
    public static Map<String, String> entries(Path directory) {
        return AppendOnlyBook.read(directory);
    }
}
