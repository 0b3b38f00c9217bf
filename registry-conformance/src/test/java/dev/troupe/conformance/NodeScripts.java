package dev.troupe.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node scripts beside this module's tests ({@code src/test/node}), installing their npm packages
 * (kafkajs, @kafkajs/confluent-schema-registry, pinned by package-lock.json) on first use.
 */
final class NodeScripts {
    static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();

    record Result(int exitCode, String stdout, String stderr) {}

    private NodeScripts() {}

    static boolean nodeIsInstalled() {
        try {
            return run(List.of("node", "--version"), 30).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static void installPackages() throws IOException {
        if (Files.isDirectory(DIR.resolve("node_modules/kafkajs"))
                && Files.isDirectory(DIR.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            return;
        }
        Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        if (install.exitCode() != 0) {
            throw new IllegalStateException("npm ci in " + DIR + " failed:\n" + install.stderr());
        }
    }

    /** Runs {@code node <script> <args>} and returns its standard output; fails with its stderr otherwise. */
    static String node(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Result result = run(command, 120);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "node " + script + " exited with " + result.exitCode() + ":\n" + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException {
        Path stdout = Files.createTempFile("node-out", ".txt");
        Path stderr = Files.createTempFile("node-err", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(DIR.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + command, e);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
