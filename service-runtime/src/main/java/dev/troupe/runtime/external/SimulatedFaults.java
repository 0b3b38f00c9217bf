package dev.troupe.runtime.external;

import dev.troupe.runtime.Env;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How badly a simulated outside system behaves: {@code <PREFIX>_FAULT_RATE}, the fraction of calls that fail
 * (0 to 1, default 0), and {@code <PREFIX>_LATENCY}, how long every call takes (default none).
 */
public record SimulatedFaults(String system, double faultRate, Duration latency, RandomGenerator random) {
    public static final Duration NO_LATENCY = Duration.ZERO;

    public static SimulatedFaults none(String system) {
        return new SimulatedFaults(system, 0, NO_LATENCY, RandomGenerator.getDefault());
    }

    public static SimulatedFaults fromEnv(Env env, String prefix, String system) {
        return new SimulatedFaults(
                system,
                env.fraction(prefix + "_FAULT_RATE", 0),
                env.duration(prefix + "_LATENCY", NO_LATENCY),
                RandomGenerator.getDefault());
    }

    /** Takes the configured time, then fails the call with the configured probability. */
    public void beforeCall(String operation) {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientFailureException(system + " call interrupted: " + operation, e);
            }
        }
        if (faultRate > 0 && random.nextDouble() < faultRate) {
            throw new TransientFailureException(system + " is unavailable (simulated fault) for " + operation);
        }
    }
}
