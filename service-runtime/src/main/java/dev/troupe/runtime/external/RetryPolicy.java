package dev.troupe.runtime.external;

import dev.troupe.runtime.Env;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How calls to outside systems are retried: exponential backoff from {@code RETRY_INITIAL_BACKOFF} (PT0.1S)
 * doubling up to {@code RETRY_MAX_BACKOFF} (PT2S), each wait drawn between half and all of it (jitter, so
 * calls that failed together do not retry together); a step of the saga gives up once
 * {@code RETRY_GIVE_UP_AFTER} (PT10S) has passed since its first attempt.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {
    public RetryPolicy {
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " < initialBackoff " + initialBackoff);
        }
    }

    public static RetryPolicy fromEnv(Env env) {
        return new RetryPolicy(
                env.duration("RETRY_INITIAL_BACKOFF", Duration.ofMillis(100)),
                env.duration("RETRY_MAX_BACKOFF", Duration.ofSeconds(2)),
                env.duration("RETRY_GIVE_UP_AFTER", Duration.ofSeconds(10)));
    }

    /** The wait before the next attempt, after {@code failedAttempts} failed ones (at least 1). */
    public long backoffMillis(int failedAttempts, RandomGenerator random) {
        long ceiling = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 30);
        long backoff = Math.max(1, Math.min(maxBackoff.toMillis(), ceiling));
        return backoff / 2 + random.nextLong(backoff - backoff / 2 + 1);
    }

    /** Whether an attempt at {@code attemptAt} would come too late for a call first tried at {@code firstAt}. */
    public boolean pastBound(long firstAt, long attemptAt) {
        return attemptAt - firstAt > giveUpAfter.toMillis();
    }
}
