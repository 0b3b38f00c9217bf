package dev.troupe.cli;

import java.util.concurrent.TimeUnit;

/** Waiting in a paced client: until a moment, or for a while; an interrupt ends the wait. */
final class Pacing {
    private Pacing() {}

    static void until(long nanoTime) {
        sleep(TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime()));
    }

    static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
