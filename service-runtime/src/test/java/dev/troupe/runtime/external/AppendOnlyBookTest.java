package dev.troupe.runtime.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendOnlyBookTest {
    @TempDir
    Path directory;

    @Test
    void theBooksHoldTheFirstRecordOfEachKeyWhoeverWroteIt() throws Exception {
        AppendOnlyBook first = new AppendOnlyBook(directory.resolve("gateway"));
        AppendOnlyBook second = new AppendOnlyBook(directory.resolve("gateway"));

        first.append("o-1-charge", "CHARGE 500");
        second.append("o-2-charge", "CHARGE 700");
        first.append("o-1-charge", "CHARGE 500");
        second.append("o-2-charge", "CHARGE 999");

        assertThat(AppendOnlyBook.read(directory.resolve("gateway")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("o-1-charge", "CHARGE 500", "o-2-charge", "CHARGE 700"));
    }

    @Test
    void aKeyWrittenByManyWritersReadsAsTheRecordOfTheOneThatStartedFirst() throws Exception {
        for (int writer = 0; writer < 12; writer++) {
            new AppendOnlyBook(directory).append("o-1-charge", "CHARGE from writer " + writer);
        }

        assertThat(AppendOnlyBook.read(directory)).containsEntry("o-1-charge", "CHARGE from writer 0");
        assertThat(AppendOnlyBook.records(directory))
                .extracting(Map.Entry::getValue)
                .containsExactly(IntStream.range(0, 12)
                        .mapToObj(writer -> "CHARGE from writer " + writer)
                        .toArray(String[]::new));
    }

    @Test
    void anyKeyAndContentComeBackAsWritten() throws Exception {
        AppendOnlyBook book = new AppendOnlyBook(directory);
        String content = "Message-ID: <k@troupe>\r\nSubject: é\r\n\r\n#3 4 \nline two\n";

        book.append("key with spaces\nand a newline #1 2 ", content);
        book.append("", "");

        assertThat(AppendOnlyBook.read(directory))
                .containsExactlyInAnyOrderEntriesOf(Map.of("key with spaces\nand a newline #1 2 ", content, "", ""));
    }

    @Test
    void aRecordCutShortByACrashIsLeftOutAndTheOnesBeforeItKept() throws Exception {
        AppendOnlyBook book = new AppendOnlyBook(directory);
        book.append("o-1-book", "BOOK DHL T1 DE");
        book.append("o-2-book", "BOOK DHL T2 FR");
        Path file = onlyFile();
        long whole = Files.size(file);

        for (long cut = whole - 1; cut > whole - "o-2-book BOOK DHL T2 FR".length(); cut--) {
            truncate(file, cut);
            assertThat(AppendOnlyBook.read(directory)).as("cut at %d", cut).containsOnlyKeys("o-1-book");
        }
    }

    @Test
    void noDirectoryMeansEmptyBooks() throws Exception {
        assertThat(AppendOnlyBook.read(directory.resolve("never-written"))).isEmpty();
        new AppendOnlyBook(directory.resolve("never-written"));
        assertThat(directory.resolve("never-written")).doesNotExist();
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.toList();
            assertThat(all).singleElement();
            return all.get(0);
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
