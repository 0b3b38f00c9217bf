package dev.troupe.runtime.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.runtime.Env;
import dev.troupe.runtime.InvalidSettingException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10));
    private final Random random = new Random(1);

    @Test
    void backoffDoublesFromTheInitialUpToTheMaximumWithEachWaitBetweenHalfAndAllOfIt() {
        for (int failed = 1; failed <= 40; failed++) {
            long ceiling = Math.min(2_000, 100L << Math.min(failed - 1, 30));
            for (int draw = 0; draw < 50; draw++) {
                assertThat(policy.backoffMillis(failed, random)).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void jitterSpreadsCallsThatFailedTogether() {
        long distinct = IntStream.range(0, 100)
                .mapToLong(i -> policy.backoffMillis(5, random))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void aStepIsPastItsBoundOnlyAfterTheGiveUpTime() {
        assertThat(policy.pastBound(1_000, 11_000)).isFalse();
        assertThat(policy.pastBound(1_000, 11_001)).isTrue();
    }

    @Test
    void readsItsSettingsAndNamesAnInvalidOne() {
        RetryPolicy fromEnv = RetryPolicy.fromEnv(new Env(Map.of("RETRY_GIVE_UP_AFTER", "PT3S")));
        assertThat(fromEnv.giveUpAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(fromEnv.initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> RetryPolicy.fromEnv(new Env(Map.of("RETRY_MAX_BACKOFF", "soon"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RETRY_MAX_BACKOFF");
    }
}
