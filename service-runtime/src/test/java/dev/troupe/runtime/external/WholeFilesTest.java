package dev.troupe.runtime.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFilesTest {
    @TempDir
    Path directory;

    @Test
    void aFileThatIsNotThereReadsAsEmpty() throws Exception {
        assertThat(WholeFiles.read(directory.resolve("missing.entry"))).isEmpty();
        assertThat(WholeFiles.read(directory.resolve("no-such-dir").resolve("missing.entry")))
                .isEmpty();
    }

    @Test
    void aWriteCreatesTheDirectoryItNeeds() throws Exception {
        Path file = directory.resolve("books").resolve("gateway").resolve("o-1-charge.entry");

        WholeFiles.write(file, "CHARGE 500");

        assertThat(WholeFiles.read(file)).hasValue("CHARGE 500");
    }

    @Test
    void aSecondWriteReplacesTheFirstAndNoTemporaryFileStaysBehind() throws Exception {
        Path file = directory.resolve("o-1-order-confirmation.eml");

        WholeFiles.write(file, "first");
        WholeFiles.write(file, "second — ü");

        assertThat(WholeFiles.read(file)).hasValue("second — ü");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }
}
