package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code troupe chaos} on its own embedded stack (broker, registry and the five services as real processes):
 * every service SIGKILLed in turn and the broker SIGKILLed and restarted while a few hundred orders are placed and the
 * payment gateway, carrier and mail server fail a fifth of their calls (and lose the answer of a tenth of the rest;
 * a charge or booking is given up on, and looked up, after 1 s), and still no invariant is broken and nothing was done
 * outside Kafka that the events do not say (nor the reverse).
 */
class ChaosEndToEndTest {

    @Test
    void killingEveryServiceInTurnAndRestartingTheBrokerDuringALoadWithFlakyOutsideSystemsBreaksNoInvariant() {
        CliRun chaos = CliRun.raw(
                "chaos",
                "--orders=320",
                "--rate=8",
                "--kill-every=PT2S",
                "--broker-restart",
                "--fault-rate=0.2",
                "--lost-answer-rate=0.1",
                "--give-up-after=PT1S");

        assertThat(chaos.exitCode()).as(chaos.out() + chaos.err()).isZero();
        Matcher kills = Pattern.compile("Kills: (\\d+), broker restarts: (\\d+), violations: 0")
                .matcher(chaos.out());
        assertThat(kills.find()).as(chaos.out()).isTrue();
        assertThat(Integer.parseInt(kills.group(1))).isGreaterThanOrEqualTo(5);
        assertThat(kills.group(2)).isEqualTo("1");
        assertThat(chaos.out())
                .contains(
                        "killed and restarted order-service",
                        "killed and restarted notification-service",
                        "320 orders placed");
        System.out.println(chaos.out());
    }
}
