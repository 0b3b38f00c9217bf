package dev.troupe.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchStepTest {
    private static final String PREFIX = "troupe-1000-1-123456789-";

    @Test
    void aKeyOfThisStepNamesItsUnit() {
        assertThat(BenchStep.unitOf(PREFIX + "0", PREFIX, 15_000)).isZero();
        assertThat(BenchStep.unitOf(PREFIX + "14999", PREFIX, 15_000)).isEqualTo(14_999);
    }

    @Test
    void aKeyOfAnotherStepOrNoneNamesNoUnit() {
        assertThat(BenchStep.unitOf("troupe-1000-2-987654321-7", PREFIX, 15_000))
                .isEqualTo(-1);
        assertThat(BenchStep.unitOf(null, PREFIX, 15_000)).isEqualTo(-1);
        assertThat(BenchStep.unitOf(PREFIX, PREFIX, 15_000)).isEqualTo(-1);
        assertThat(BenchStep.unitOf(PREFIX + "x", PREFIX, 15_000)).isEqualTo(-1);
        assertThat(BenchStep.unitOf(PREFIX + "15000", PREFIX, 15_000)).isEqualTo(-1);
    }
}
