package dev.troupe.runtime.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotentLedgerTest {
    @TempDir
    Path directory;

    @Test
    void aKeyKeepsItsFirstEntryWhicheverProcessRepeatsTheCall() {
        IdempotentLedger ledger = new IdempotentLedger(directory);
        IdempotentLedger afterARestart = new IdempotentLedger(directory);

        ledger.record("o-1-charge", "CHARGE 500");
        afterARestart.record("o-1-charge", "CHARGE 999");

        assertThat(afterARestart.find("o-1-charge")).hasValue("CHARGE 500");
        assertThat(ledger.find("o-2-charge")).isEmpty();
        assertThat(IdempotentLedger.entries(directory)).containsOnlyKeys("o-1-charge");
    }
}
