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

class SimulatedFaultsTest {
    @Test
    void failsAboutTheConfiguredShareOfCalls() {
        SimulatedFaults faults = new SimulatedFaults("gateway", 0.3, Duration.ZERO, new Random(7));
        long failed = IntStream.range(0, 10_000)
                .filter(i -> {
                    try {
                        faults.beforeCall("charge");
                        return false;
                    } catch (TransientFailureException e) {
                        return true;
                    }
                })
                .count();
        assertThat(failed).isBetween(2_700L, 3_300L);
    }

    @Test
    void readsRateAndLatencyUnderItsPrefixAndNamesAnInvalidOne() {
        SimulatedFaults faults = SimulatedFaults.fromEnv(
                new Env(Map.of("CARRIER_FAULT_RATE", "0.25", "CARRIER_LATENCY", "PT0.2S")), "CARRIER", "carrier");
        assertThat(faults.faultRate()).isEqualTo(0.25);
        assertThat(faults.latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(SimulatedFaults.fromEnv(new Env(Map.of()), "MAIL", "mail").faultRate())
                .isZero();
        assertThatThrownBy(() -> SimulatedFaults.fromEnv(new Env(Map.of("MAIL_FAULT_RATE", "2")), "MAIL", "mail"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("MAIL_FAULT_RATE");
    }
}
