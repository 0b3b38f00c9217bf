package dev.troupe.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process, from Linux's /proc (0 where that is not available). */
final class ProcessUsage {
    /** Linux reports CPU time in clock ticks of 1/100 s on every platform troupe runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessUsage() {}

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name, field 2, may hold spaces; the fields after it are counted from its closing ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
