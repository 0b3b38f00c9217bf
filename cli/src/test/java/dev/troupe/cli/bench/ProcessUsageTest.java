package dev.troupe.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessUsageTest {
    /** A thread's line of /proc/<pid>/task/<tid>/stat with the given name, 250 ticks of user and 50 of system time. */
    private static String stat(String tid, String name) {
        return tid + " (" + name + ") S 1 1 1 0 -1 4194368 120 0 3 0 250 50 0 0 20 0 1 0 100 0 0";
    }

    @Test
    void readsUserPlusSystemTimeAfterTheThreadName() {
        assertThat(ProcessUsage.cpuSecondsOf(stat("7", "a name) with (parentheses")))
                .isEqualTo(3.0);
    }

    @Test
    void knowsHotSpotsCompilerThreadsByTheirCutNames() {
        assertThat(ProcessUsage.isCompilerThread(stat("7", "C2 CompilerThre"))).isTrue();
        assertThat(ProcessUsage.isCompilerThread(stat("8", "C1 CompilerThre"))).isTrue();
        assertThat(ProcessUsage.isCompilerThread(stat("9", "order-service-"))).isFalse();
        assertThat(ProcessUsage.isCompilerThread(stat("10", "x (C2 CompilerThre")))
                .isFalse();
    }

    @Test
    void countsWhatEachCompilerThreadUsedBetweenTwoReadings() {
        Map<String, Double> before = Map.of("7", 1.0, "8", 2.0);
        // 7 went on, 8 stopped (its time is not counted), 9 started.
        Map<String, Double> after = Map.of("7", 1.5, "9", 0.25);

        assertThat(ProcessUsage.compilerCpuSecondsBetween(before, after)).isEqualTo(0.75);
    }

    @Test
    void findsTheCompilerThreadsOfThisJvm() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc");

        Map<String, Double> threads =
                ProcessUsage.compilerThreadsCpuSeconds(ProcessHandle.current().pid());

        assertThat(threads).isNotEmpty();
        assertThat(threads.values()).allSatisfy(seconds -> assertThat(seconds).isNotNegative());
    }
}
