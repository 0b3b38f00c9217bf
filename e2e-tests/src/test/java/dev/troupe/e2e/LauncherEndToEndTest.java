package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.troupe.notification.mail.FileOutboxMailer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./troupe} launcher as a user runs it: real processes, and nothing left behind. */
class LauncherEndToEndTest {
    private static final Path LAUNCHER =
            Path.of("..", "troupe").toAbsolutePath().normalize();
    private static final Pattern PID = Pattern.compile("^\\S+\\s+\\S+\\s+(\\d+)\\s+/", Pattern.MULTILINE);

    @Test
    void theDemoSendsAnOrderDownEveryPathEndsCleanlyAndLeavesNoProcessBehind(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("demo.out");
        Process demo = new ProcessBuilder(LAUNCHER.toString(), "demo")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        assertThat(demo.waitFor(300, TimeUnit.SECONDS)).as("the demo finished").isTrue();

        String printed = Files.readString(output);
        assertThat(demo.exitValue()).as(printed).isZero();
        assertThat(printed)
                .contains("== 5/5 timed out")
                .containsPattern("completed\\s+COMPLETED\\s+CHARGED\\s+RESERVED\\s+CREATED\\s+\\S+\\s+yes")
                .containsPattern("payment declined\\s+CANCELLED PAYMENT_DECLINED.*yes")
                .containsPattern("out of stock\\s+CANCELLED OUT_OF_STOCK\\s+REFUNDED.*yes")
                .containsPattern("cannot ship\\s+CANCELLED SHIPPING_FAILED\\s+REFUNDED\\s+RELEASED.*yes")
                .containsPattern("timed out.*CANCELLED TIMED_OUT\\s+REFUNDED\\s+RELEASED.*yes")
                .containsPattern("Done in \\d+\\.\\d s; the stack .* used [\\d.]+ (MiB|GiB) of memory");
        assertNoneAlive(pids(printed));
        assertThat(FileOutboxMailer.messages(dir.resolve(".troupe/demo/outbox")))
                .hasSize(5);
    }

    @Test
    void upRunsUntilSigtermRefusesASecondUpAndStopsEveryChild(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("up.out");
        Process up = new ProcessBuilder(LAUNCHER.toString(), "up", "--any-ports")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            await("troupe up is ready")
                    .atMost(Duration.ofSeconds(240))
                    .until(() -> Files.readString(output).contains("Ctrl-C stops everything") || !up.isAlive());
            String table = Files.readString(output);
            assertThat(table).contains("kafka", "schema-registry", "order-service", "notification-service");
            List<Long> children = pids(table);
            assertThat(children).hasSize(7);

            Process second = new ProcessBuilder(LAUNCHER.toString(), "up", "--any-ports")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(new String(second.getInputStream().readAllBytes())).contains("troupe up is already running");

            up.destroy();
            assertThat(up.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertNoneAlive(children);
            assertThat(dir.resolve(".troupe/logs/order-service.log")).exists();
        } finally {
            up.destroyForcibly();
        }
    }

    private static List<Long> pids(String printed) {
        Matcher matcher = PID.matcher(printed);
        List<Long> pids = new java.util.ArrayList<>();
        while (matcher.find()) {
            pids.add(Long.parseLong(matcher.group(1)));
        }
        return pids;
    }

    private static void assertNoneAlive(List<Long> pids) {
        assertThat(pids).isNotEmpty();
        await("every child process has exited")
                .atMost(Duration.ofSeconds(30))
                .until(() -> pids.stream()
                        .noneMatch(pid -> ProcessHandle.of(pid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false)));
    }
}
