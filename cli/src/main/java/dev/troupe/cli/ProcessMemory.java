package dev.troupe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Resident memory of processes, read from Linux's /proc (0 where that is not available). */
public final class ProcessMemory {
    private ProcessMemory() {}

    public static long residentBytes(long pid) {
        return statusBytes(pid, "VmRSS:");
    }

    /** The most resident memory the process has had (VmHWM). */
    public static long peakResidentBytes(long pid) {
        return statusBytes(pid, "VmHWM:");
    }

    private static long statusBytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process has gone
        }
        return 0;
    }

    static long residentBytes(Collection<Long> pids) {
        return pids.stream().mapToLong(ProcessMemory::residentBytes).sum();
    }

    static String human(long bytes) {
        return bytes >= 1L << 30
                ? String.format("%.2f GiB", bytes / (double) (1L << 30))
                : String.format("%d MiB", bytes >> 20);
    }
}
