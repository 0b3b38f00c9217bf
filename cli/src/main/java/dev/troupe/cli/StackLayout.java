package dev.troupe.cli;

import java.nio.file.Path;

/** Where the embedded stack keeps its data and logs: {@code .troupe/} in the working directory. */
public record StackLayout(Path root) {

    static StackLayout inWorkingDirectory() {
        return new StackLayout(Path.of(".troupe").toAbsolutePath());
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }

    public Path log(String process) {
        return logs().resolve(process + ".log");
    }

    Path outbox() {
        return root.resolve("outbox");
    }

    /** The books of a simulated outside system (payment gateway, carrier), kept and wiped with the data. */
    Path simulated(String system) {
        return data().resolve(system);
    }

    Path lock() {
        return root.resolve("up.pid");
    }
}
