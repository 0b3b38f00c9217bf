package dev.troupe.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CPU time of a process and of its JIT compiler threads, from Linux's /proc (nothing where that is not available). */
final class ProcessUsage {
    /** Linux reports CPU time in clock ticks of 1/100 s on every platform troupe runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** HotSpot's compiler threads, as Linux names them: "C2 CompilerThread0" cut to 15 characters. */
    private static final String C1_COMPILER = "C1 CompilerThre";

    private static final String C2_COMPILER = "C2 CompilerThre";

    private ProcessUsage() {}

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * User plus system CPU seconds each of the process's JIT compiler threads has used so far, by thread id. The
     * JVM starts and stops compiler threads as the work comes and goes, so a step compares thread by thread.
     */
    static Map<String, Double> compilerThreadsCpuSeconds(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.flatMap(task -> readStat(task.resolve("stat")))
                    .filter(ProcessUsage::isCompilerThread)
                    .collect(Collectors.toMap(ProcessUsage::idOf, ProcessUsage::cpuSecondsOf));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** CPU seconds the compiler threads used between two readings; a thread stopped in between is not counted. */
    static double compilerCpuSecondsBetween(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream()
                .mapToDouble(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0.0))
                .sum();
    }

    static boolean isCompilerThread(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.startsWith(C1_COMPILER) || name.startsWith(C2_COMPILER);
    }

    static double cpuSecondsOf(String stat) {
        // The command name, field 2, may hold spaces; the fields after it are counted from its closing ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static String idOf(String stat) {
        return stat.substring(0, stat.indexOf(' '));
    }

    /** A thread may end between listing and reading: then there is nothing to read. */
    private static Stream<String> readStat(Path stat) {
        try {
            return Stream.of(Files.readString(stat));
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
