package dev.troupe.runtime.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotentLedgerTest {
    @TempDir
    Path directory;

    @Test
    void aKeyIsRecordedOnceAndARepeatAnswersTheFirstEntry() throws Exception {
        IdempotentLedger ledger = new IdempotentLedger(directory);

        assertThat(ledger.recordOnce("o-1-charge", "CHARGE 500")).isEqualTo("CHARGE 500");
        assertThat(ledger.recordOnce("o-1-charge", "CHARGE 999")).isEqualTo("CHARGE 500");
        assertThat(new IdempotentLedger(directory).find("o-1-charge")).hasValue("CHARGE 500");
        assertThat(ledger.find("o-2-charge")).isEmpty();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files)
                    .singleElement()
                    .satisfies(f -> assertThat(f.getFileName().toString()).isEqualTo("o-1-charge.entry"));
        }
    }
}
