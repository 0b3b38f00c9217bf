package dev.troupe.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchTest {

    /** Stands in for a child that would otherwise run forever. */
    public static final class Forever {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("running");
            Thread.currentThread().join();
        }
    }

    @Test
    void aChildExitsByItselfWhenItsParentGoesAway(@TempDir Path dir) throws Exception {
        JavaProcess child =
                JavaProcess.start("forever", Forever.class, List.of(), List.of(), Map.of(), dir.resolve("forever.log"));
        ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow();

        child.closeStdinAsADyingParentWould();

        assertThat(handle.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }
}
