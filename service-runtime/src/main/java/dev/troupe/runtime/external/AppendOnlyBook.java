package dev.troupe.runtime.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The books of a simulated outside system: records, each under a key, appended to a file of this writer's own
 * in the system's directory — one {@code write} per record, where a file per key cost five system calls and,
 * under a busy broker's disk writes, up to a tenth of a core per service in the kernel. Read back, the books
 * hold one record per key: a call repeated after a crash appends the same record again and changes nothing, as a
 * real system's idempotency key does. Where a key was written more than once, the record read is the first of the
 * writer that started first (files are named by when they were opened).
 *
 * <p>A record is {@code #<key bytes> <content bytes> <key>\n<content>\n}, lengths in decimal: any key and content
 * go through, and a record cut short by a crash — only ever the last of its writer's file, as no one else writes
 * there — is recognised and left out.
 */
public final class AppendOnlyBook {
    static final String EXTENSION = ".book";

    /** Names this process's files apart from another process's writing into the same directory. */
    private static final String PROCESS =
            ProcessHandle.current().pid() + "-" + Long.toHexString(new SecureRandom().nextLong());

    /** Orders the files this process opens within one millisecond. */
    private static final AtomicLong OPENED = new AtomicLong();

    private final Path directory;
    private FileChannel channel;

    public AppendOnlyBook(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Appends the record, whole, before returning. */
    public synchronized void append(String key, String content) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] contentBytes = content.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("#" + keyBytes.length + " " + contentBytes.length + " ").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer record = ByteBuffer.allocate(header.length + keyBytes.length + contentBytes.length + 2)
                .put(header)
                .put(keyBytes)
                .put((byte) '\n')
                .put(contentBytes)
                .put((byte) '\n')
                .flip();
        FileChannel out = channel();
        try {
            while (record.hasRemaining()) {
                out.write(record);
            }
        } catch (IOException e) {
            // Whatever part of the record got written stays the last thing in that file, where readers expect a
            // record cut short; the next append starts a file of its own.
            channel = null;
            try {
                out.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            Files.createDirectories(directory);
            String name = String.format(
                    "%013d-%09d-%s%s", System.currentTimeMillis(), OPENED.incrementAndGet(), PROCESS, EXTENSION);
            channel = FileChannel.open(
                    directory.resolve(name),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        return channel;
    }

    /** Every key on the books of {@code directory}, with its first record; empty when there is no such directory. */
    public static Map<String, String> read(Path directory) {
        Map<String, String> first = new LinkedHashMap<>();
        records(directory).forEach(record -> first.putIfAbsent(record.getKey(), record.getValue()));
        return first;
    }

    /** Every record in {@code directory}, repeats included, writer by writer in the order they started. */
    public static List<Map.Entry<String, String>> records(Path directory) {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(EXTENSION))
                    .sorted()
                    .toList()) {
                readFile(Files.readAllBytes(file), records);
            }
        } catch (NoSuchFileException e) {
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the books in " + directory, e);
        }
        return records;
    }

    private static void readFile(byte[] bytes, List<Map.Entry<String, String>> records) {
        int at = 0;
        while (at < bytes.length) {
            Record record = Record.at(bytes, at);
            if (record == null) {
                return; // cut short by a crash of its writer
            }
            records.add(Map.entry(record.key, record.content));
            at = record.end;
        }
    }

    private record Record(String key, String content, int end) {
        /** The record starting at {@code at}, or null if the bytes there are not a whole record. */
        static Record at(byte[] bytes, int at) {
            if (bytes[at] != '#') {
                return null;
            }
            int keySpace = indexOf(bytes, (byte) ' ', at + 1);
            int contentSpace = keySpace < 0 ? -1 : indexOf(bytes, (byte) ' ', keySpace + 1);
            if (contentSpace < 0) {
                return null;
            }
            long keyLength = number(bytes, at + 1, keySpace);
            long contentLength = number(bytes, keySpace + 1, contentSpace);
            long keyEnd = contentSpace + 1 + keyLength;
            long end = keyEnd + 1 + contentLength + 1;
            if (keyLength < 0
                    || contentLength < 0
                    || end > bytes.length
                    || bytes[(int) keyEnd] != '\n'
                    || bytes[(int) end - 1] != '\n') {
                return null;
            }
            return new Record(
                    new String(bytes, contentSpace + 1, (int) keyLength, StandardCharsets.UTF_8),
                    new String(bytes, (int) keyEnd + 1, (int) contentLength, StandardCharsets.UTF_8),
                    (int) end);
        }

        private static int indexOf(byte[] bytes, byte wanted, int from) {
            for (int i = from; i < bytes.length && i < from + 20; i++) {
                if (bytes[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }

        /** The decimal number in {@code [from, to)}, or -1 if it is not one. */
        private static long number(byte[] bytes, int from, int to) {
            if (from == to) {
                return -1;
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                if (bytes[i] < '0' || bytes[i] > '9') {
                    return -1;
                }
                value = value * 10 + (bytes[i] - '0');
            }
            return value;
        }
    }
}
