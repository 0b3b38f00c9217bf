package dev.troupe.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds and their percentiles (nearest rank). */
final class LatencyStats {
    private final List<Long> millis = new ArrayList<>();

    synchronized void add(long latencyMillis) {
        millis.add(latencyMillis);
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized long percentile(double p) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
