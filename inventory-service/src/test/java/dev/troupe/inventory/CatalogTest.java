package dev.troupe.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @Test
    void theBundledCatalogHoldsFiftySkusWithAtLeastAHundredEach() {
        Catalog catalog = Catalog.bundled();

        assertThat(catalog.initialStock()).hasSize(50).containsKeys("SKU-001", "SKU-050");
        assertThat(catalog.initialStock().values()).allMatch(stock -> stock >= 100);
    }

    @Test
    void aBadLineIsReportedWithItsNumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, "# comment\nSKU-1,5\nSKU-2,many\n");

        assertThatThrownBy(() -> Catalog.fromFile(file))
                .hasMessageContaining("line 3")
                .hasMessageContaining("SKU-2,many");
    }
}
