package dev.troupe.runtime.external;

import dev.troupe.runtime.Env;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * How badly a simulated outside system behaves: {@code <PREFIX>_FAULT_RATE}, the fraction of calls that fail
 * before the system acts (0 to 1, default 0); {@code <PREFIX>_LOST_ANSWER_RATE}, the fraction of the remaining
 * calls that the system carries out but whose answer is lost, as with a timeout (default 0); and
 * {@code <PREFIX>_LATENCY}, how long every call takes (default none). Both kinds of failure look the same to
 * the caller, as they do with a real system.
 */
public record SimulatedFaults(
        String system, double faultRate, double lostAnswerRate, Duration latency, RandomGenerator random) {
    public static final Duration NO_LATENCY = Duration.ZERO;

    public static SimulatedFaults none(String system) {
        return new SimulatedFaults(system, 0, 0, NO_LATENCY, RandomGenerator.getDefault());
    }

    public static SimulatedFaults fromEnv(Env env, String prefix, String system) {
        return new SimulatedFaults(
                system,
                env.fraction(prefix + "_FAULT_RATE", 0),
                env.fraction(prefix + "_LOST_ANSWER_RATE", 0),
                env.duration(prefix + "_LATENCY", NO_LATENCY),
                RandomGenerator.getDefault());
    }

    public boolean isNone() {
        return faultRate == 0 && lostAnswerRate == 0 && latency.isZero();
    }

    /** Carries out {@code operation} as this system would: slowly, failing before it or losing its answer. */
    public void perform(String operation, Runnable work) {
        ask(operation, () -> {
            work.run();
            return null;
        });
    }

    /** Asks the system something, or has it do something and answer, as {@link #perform} does. */
    public <T> T ask(String operation, Supplier<T> work) {
        takeTheTime(operation);
        if (faultRate > 0 && random.nextDouble() < faultRate) {
            throw new TransientFailureException(system + " is unavailable (simulated fault) for " + operation);
        }
        T answer = work.get();
        if (lostAnswerRate > 0 && random.nextDouble() < lostAnswerRate) {
            throw new TransientFailureException(
                    system + " timed out (simulated lost answer; it was done) for " + operation);
        }
        return answer;
    }

    private void takeTheTime(String operation) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException(system + " call interrupted: " + operation, e);
        }
    }
}
