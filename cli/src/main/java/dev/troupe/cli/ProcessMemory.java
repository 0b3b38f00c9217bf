package dev.troupe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Resident memory of processes, read from Linux's /proc (0 where that is not available). */
final class ProcessMemory {
    private ProcessMemory() {}

    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
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
