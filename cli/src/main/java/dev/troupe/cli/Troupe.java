package dev.troupe.cli;

import dev.troupe.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code troupe} command. Exit codes: 0 success, 1 a runtime failure (one line on stderr), 2 a usage error. */
@Command(
        name = "troupe",
        mixinStandardHelpOptions = true,
        version = "troupe 0.1.0",
        description = "Order fulfilment as a choreography on Apache Kafka: run it, place orders, watch them move.",
        subcommands = {
            UpCommand.class,
            DemoCommand.class,
            OrderCommand.class,
            WatchCommand.class,
            TraceCommand.class,
            TopicsCommand.class,
            DlqCommand.class,
            LoadCommand.class,
            CheckCommand.class,
            ChaosCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Troupe {

    public static void main(String[] args) {
        // The services' logback.xml is on this class path too; the CLI speaks with its own configuration.
        System.setProperty(
                "logback.configurationFile", System.getProperty("logback.configurationFile", "logback-cli.xml"));
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command with its output going to the given writers (the tests capture them). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new Troupe())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    commandLine.getErr().println("troupe: " + oneLine(error));
                    return 1;
                })
                .execute(args);
    }

    private static String oneLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null
                && root.getMessage() != null
                && root.getMessage().equals(root.getCause().toString())) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
