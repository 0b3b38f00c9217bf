package dev.troupe.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds and their percentiles (nearest rank). */
public final class LatencyStats {
    private final List<Long> millis = new ArrayList<>();

    public synchronized void add(long latencyMillis) {
        millis.add(latencyMillis);
    }

    public synchronized int count() {
        return millis.size();
    }

    public synchronized long percentile(double p) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
