package dev.troupe.runtime.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated outside systems' records: small files, each written whole or not at all (into a temporary file
 * beside it, then renamed over it), so a crash never leaves half a record. Every call costs a handful of system
 * calls, no more: the directory is created only when a write finds it missing, a file is looked for by opening
 * it (checking first with {@code Files.exists} costs an {@code access} call, slow on Linux), and the temporary
 * file is named without a random-number generator and opened once.
 */
public final class WholeFiles {
    /** Names this process's temporary files apart from another process's writing into the same directory. */
    private static final String WRITER =
            ProcessHandle.current().pid() + "-" + Long.toHexString(new SecureRandom().nextLong());

    private static final AtomicLong WRITES = new AtomicLong();

    private WholeFiles() {}

    /** The file's text, or empty when there is no such file. */
    public static Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Writes the text as the file's whole content, replacing the file if there is one. */
    public static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + WRITER + "-" + WRITES.incrementAndGet());
        try {
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(file.getParent());
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
