package dev.troupe.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The launcher of every child JVM that {@link JavaProcess} starts: it runs the real main class and ends the
 * process when the parent is gone, even after a SIGKILL of the parent. The parent holds the child's stdin
 * open, so end-of-file on stdin means the parent died. The services themselves know nothing of this.
 */
public final class ParentWatch {
    private ParentWatch() {}

    /** {@code args[0]} is the main class to run; the rest are its arguments. */
    public static void main(String[] args) throws Throwable {
        Thread watcher = new Thread(ParentWatch::exitAtEndOfStdin, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object)
                    Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitAtEndOfStdin() {
        try (InputStream in = System.in) {
            while (in.read() != -1) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file
        }
        System.exit(0);
    }
}
