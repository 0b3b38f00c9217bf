package dev.troupe.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak memory of a process, from Linux's /proc (0 where that is not available). */
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

    /** The most resident memory the process has had (VmHWM). */
    static long peakResidentBytes(long pid) {
        return statusKilobytes(pid, "VmHWM:") * 1024;
    }

    static long residentBytes(long pid) {
        return statusKilobytes(pid, "VmRSS:") * 1024;
    }

    private static long statusKilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process has gone
        }
        return 0;
    }
}
