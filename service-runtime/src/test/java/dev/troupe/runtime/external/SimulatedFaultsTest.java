package dev.troupe.runtime.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.runtime.Env;
import dev.troupe.runtime.InvalidSettingException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedFaultsTest {
    @Test
    void failsAboutTheConfiguredShareOfCallsBeforeDoingAnything() {
        SimulatedFaults faults = new SimulatedFaults("gateway", 0.3, 0, Duration.ZERO, new Random(7));
        AtomicInteger done = new AtomicInteger();
        long failed = failedOfTenThousand(faults, done);
        assertThat(failed).isBetween(2_700L, 3_300L);
        assertThat(done.get()).isEqualTo(10_000 - failed);
    }

    @Test
    void losesTheAnswerOfAboutTheConfiguredShareOfCallsItCarriedOut() {
        SimulatedFaults faults = new SimulatedFaults("carrier", 0, 0.2, Duration.ZERO, new Random(7));
        AtomicInteger done = new AtomicInteger();
        long failed = failedOfTenThousand(faults, done);
        assertThat(failed).isBetween(1_700L, 2_300L);
        assertThat(done.get()).as("every call was carried out").isEqualTo(10_000);
    }

    @Test
    void answersAQuestionUnlessItFails() {
        assertThat(SimulatedFaults.none("carrier").ask("lookup", () -> true)).isTrue();
        assertThat(SimulatedFaults.none("carrier").isNone()).isTrue();
        SimulatedFaults losing = new SimulatedFaults("carrier", 0, 1, Duration.ZERO, new Random(7));
        assertThat(losing.isNone()).isFalse();
        assertThatThrownBy(() -> losing.ask("lookup", () -> true))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("carrier timed out")
                .hasMessageContaining("lookup");
    }

    @Test
    void readsRateAndLatencyUnderItsPrefixAndNamesAnInvalidOne() {
        SimulatedFaults faults = SimulatedFaults.fromEnv(
                new Env(Map.of("CARRIER_FAULT_RATE", "0.25", "CARRIER_LATENCY", "PT0.2S")), "CARRIER", "carrier");
        assertThat(faults.faultRate()).isEqualTo(0.25);
        assertThat(faults.lostAnswerRate()).isZero();
        assertThat(faults.latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(SimulatedFaults.fromEnv(new Env(Map.of()), "MAIL", "mail").faultRate())
                .isZero();
        assertThat(SimulatedFaults.fromEnv(new Env(Map.of("MAIL_LOST_ANSWER_RATE", "0.1")), "MAIL", "mail")
                        .lostAnswerRate())
                .isEqualTo(0.1);
        assertThatThrownBy(() -> SimulatedFaults.fromEnv(new Env(Map.of("MAIL_FAULT_RATE", "2")), "MAIL", "mail"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("MAIL_FAULT_RATE");
        assertThatThrownBy(() -> SimulatedFaults.fromEnv(
                        new Env(Map.of("CARRIER_LOST_ANSWER_RATE", "-1")), "CARRIER", "carrier"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("CARRIER_LOST_ANSWER_RATE");
    }

    /** Makes 10,000 calls that each count themselves in {@code done} when carried out; returns how many failed. */
    private static long failedOfTenThousand(SimulatedFaults faults, AtomicInteger done) {
        return IntStream.range(0, 10_000)
                .filter(i -> {
                    try {
                        faults.perform("call " + i, done::incrementAndGet);
                        return false;
                    } catch (TransientFailureException e) {
                        return true;
                    }
                })
                .count();
    }
}
