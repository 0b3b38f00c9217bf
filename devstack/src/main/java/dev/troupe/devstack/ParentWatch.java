package dev.troupe.devstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a child process when the process that started it is gone, even after a SIGKILL of the parent: the
 * parent holds the child's stdin open, so end-of-file on stdin means the parent died. Active only when the
 * parent asked for it ({@value #ENV}), so a process started by hand from a shell is left alone.
 */
public final class ParentWatch {
    public static final String ENV = "TROUPE_EXIT_WITH_PARENT";

    private ParentWatch() {}

    public static void exitWhenParentDies() {
        if (!"true".equals(System.getenv(ENV))) {
            return;
        }
        Thread watcher = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        while (in.read() != -1) {
                            // the parent never writes; anything read is ignored
                        }
                    } catch (IOException e) {
                        // a broken pipe means the same as end-of-file
                    }
                    System.exit(0);
                },
                "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
