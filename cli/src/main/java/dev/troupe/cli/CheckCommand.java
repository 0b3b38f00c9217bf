package dev.troupe.cli;

import dev.troupe.cli.check.InvariantChecker;
import dev.troupe.cli.check.TopicReader;
import dev.troupe.cli.check.Violation;
import dev.troupe.inventory.Catalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code troupe check}: the invariants of DESIGN §4 checked from the topics; exit 1 on any violation. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check every invariant of the design against the topics.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description = "The inventory catalog the stack runs with (default: the bundled one).")
    Path catalog;

    @Option(
            names = "--credit",
            paramLabel = "CENTS",
            defaultValue = "100000",
            description = "Each customer's credit (default ${DEFAULT-VALUE}).")
    long credit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KafkaAccess kafka = new KafkaAccess(connection).requireKafka().requireRegistry();
        Catalog stock = catalog == null ? Catalog.bundled() : Catalog.fromFile(catalog);
        TopicReader.Snapshot snapshot =
                TopicReader.readAll(kafka.bootstrapServers(), kafka.registry(), Duration.ofSeconds(60));
        InvariantChecker.Report report = InvariantChecker.check(snapshot.events(), stock.initialStock(), credit);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%d orders, %d events: %s%n", report.orders(), snapshot.events().size(), report.outcomes());
        snapshot.undecodable()
                .forEach((topic, count) ->
                        out.printf("%d record(s) of %s do not decode (see its .dlq)%n", count, topic));
        report.violations().stream().map(Violation::toString).forEach(out::println);
        out.println(report.clean() ? "No violations." : report.violations().size() + " violation(s).");
        out.flush();
        return report.clean() ? 0 : 1;
    }
}
