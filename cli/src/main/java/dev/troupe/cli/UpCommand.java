package dev.troupe.cli;

import dev.troupe.devstack.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe up}: the embedded stack, until Ctrl-C or SIGTERM. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start Kafka, the schema registry and the services on this machine; Ctrl-C stops them all.")
final class UpCommand implements Callable<Integer> {
    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Kafka's port (0 = any free port; default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--registry-port",
            defaultValue = "8081",
            description = "The schema registry's port (0 = any free port; default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--fresh", description = "Delete the data of earlier runs first (.troupe/data).")
    boolean fresh;

    @Option(names = "--any-ports", description = "Pick free ports for everything (for a second stack beside another).")
    boolean anyPorts;

    @Override
    public Integer call() throws Exception {
        StackLayout layout = StackLayout.inWorkingDirectory();
        Optional<Long> running = runningUp(layout);
        if (running.isPresent()) {
            throw new IllegalStateException("troupe up is already running (pid " + running.get() + "); stop it first");
        }
        if (fresh) {
            Directories.delete(layout.data());
        }
        Files.createDirectories(layout.root());
        Files.writeString(layout.lock(), Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedStack stack = EmbeddedStack.start(
                layout,
                anyPorts
                        ? StackOptions.onFreePorts(java.util.Map.of())
                        : new StackOptions(kafkaPort, registryPort, true, java.util.Map.of(), 1))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("Stopping...");
                stack.close();
                stopped.countDown();
            }));
            System.out.print(StackTable.of(stack));
            System.out.println("Order API on " + stack.orderApi() + ", e-mails in " + layout.outbox() + ", logs in "
                    + layout.logs() + ".");
            System.out.println("Ctrl-C stops everything.");
            stopped.await();
        } finally {
            Files.deleteIfExists(layout.lock());
        }
        return 0;
    }

    private static Optional<Long> runningUp(StackLayout layout) throws IOException {
        if (!Files.exists(layout.lock())) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(layout.lock()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
