package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeKeysTest {
    @Test
    void keysSortByTimeWhateverTheNumberOfDigits() {
        List<String> keys =
                List.of(TimeKeys.of(1_765_000_000_000L, "a"), TimeKeys.of(5, "z"), TimeKeys.of(999_999, "m"));

        assertThat(keys.stream().sorted())
                .containsExactly(TimeKeys.of(5, "z"), TimeKeys.of(999_999, "m"), TimeKeys.of(1_765_000_000_000L, "a"));
    }

    @Test
    void aKeyIsItsThirteenDigitTimeThenItsId() {
        assertThat(TimeKeys.of(42, "order-1")).isEqualTo("0000000000042|order-1");
        assertThat(TimeKeys.of(42, "order-1")).startsWith(TimeKeys.prefix(42));
    }
}
