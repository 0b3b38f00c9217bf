package dev.troupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.api.OrderClient;
import dev.troupe.cli.api.OrderClient.Line;
import dev.troupe.cli.api.TimelinePrinter;
import dev.troupe.devstack.Directories;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/**
 * {@code troupe demo}: a fresh embedded stack, one order down every path of DESIGN §3, each order's timeline
 * printed as it unfolds, a summary, then everything stopped. Exit 0 only if every order ended as expected.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start a fresh stack, send one order down every saga path, print what happened, stop.")
final class DemoCommand implements Callable<Integer> {
    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration SETTLE = Duration.ofSeconds(40);

    /** One path of the saga: the order that takes it, and what happens around it. */
    private record Path(
            String name,
            String expected,
            String customer,
            String country,
            List<Line> lines,
            Consumer<EmbeddedStack> before,
            Consumer<EmbeddedStack> after) {}

    private record Outcome(Path path, String orderId, JsonNode order, double seconds) {
        boolean asExpected() {
            return OrderClient.outcome(order).equals(path.expected());
        }
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintStream out = System.out;
        StackLayout layout =
                new StackLayout(StackLayout.inWorkingDirectory().root().resolve("demo"));
        Directories.delete(layout.root());
        out.println("Starting Kafka, the schema registry and the five services (fresh, in " + layout.root() + ")...");
        List<Outcome> outcomes = new ArrayList<>();
        long memory;
        Map<String, String> settings =
                Map.of("ORDER_TIMEOUT", ORDER_TIMEOUT.toString(), "NOTIFICATION_REFUND_WAIT", "PT2S");
        try (EmbeddedStack stack = EmbeddedStack.start(layout, StackOptions.onFreePorts(settings))) {
            out.print(StackTable.of(stack));
            OrderClient orders = new OrderClient(stack.orderApi());
            for (Path path : paths()) {
                outcomes.add(run(path, stack, orders, out, outcomes.size() + 1));
            }
            memory = stack.residentBytes();
            out.println();
            printSummary(outcomes, out);
            out.println("\nE-mails are in " + layout.outbox() + ", logs in " + layout.logs() + ". Stopping...");
        }
        out.printf(
                "Done in %.1f s; the stack (broker, registry, five services) used %s of memory.%n",
                (System.nanoTime() - started) / 1e9, ProcessMemory.human(memory));
        if (outcomes.stream().allMatch(Outcome::asExpected)) {
            return 0;
        }
        throw new IllegalStateException("an order did not end as expected; see the summary above");
    }

    private static List<Path> paths() {
        Consumer<EmbeddedStack> nothing = stack -> {};
        return List.of(
                new Path(
                        "completed",
                        "COMPLETED",
                        "ada",
                        "DE",
                        List.of(new Line("SKU-001", 2, 1_250), new Line("SKU-017", 1, 4_999)),
                        nothing,
                        nothing),
                new Path(
                        "payment declined",
                        "CANCELLED PAYMENT_DECLINED",
                        "bob",
                        "DE",
                        List.of(new Line("SKU-002", 1, 120_000)),
                        nothing,
                        nothing),
                new Path(
                        "out of stock",
                        "CANCELLED OUT_OF_STOCK",
                        "carol",
                        "DE",
                        List.of(new Line("SKU-005", 1, 2_500), new Line("SKU-050", 10_000, 1)),
                        nothing,
                        nothing),
                new Path(
                        "cannot ship",
                        "CANCELLED SHIPPING_FAILED",
                        "dave",
                        "AQ",
                        List.of(new Line("SKU-003", 3, 1_999)),
                        nothing,
                        nothing),
                new Path(
                        "timed out (shipping-service is down)",
                        "CANCELLED TIMED_OUT",
                        "erin",
                        "FR",
                        List.of(new Line("SKU-004", 1, 999)),
                        stack -> stack.stop(ServiceProcess.SHIPPING),
                        stack -> stack.restart(ServiceProcess.SHIPPING)));
    }

    private static Outcome run(Path path, EmbeddedStack stack, OrderClient orders, PrintStream out, int number) {
        path.before().accept(stack);
        long started = System.nanoTime();
        String orderId = orders.place(OrderClient.body(path.customer(), path.country(), path.lines()), null);
        out.printf(
                "%n== %d/5 %s: order %s (%s, to %s)%n", number, path.name(), orderId, path.customer(), path.country());
        TimelinePrinter timeline = new TimelinePrinter(new PrintWriter(out, true));
        JsonNode order = orders.awaitSettled(orderId, ORDER_TIMEOUT.plus(SETTLE), timeline::printNew);
        double seconds = (System.nanoTime() - started) / 1e9;
        path.after().accept(stack);
        out.printf(
                "   => %s%s after %.1f s%n",
                order.path("status").asText(),
                order.path("reason").isTextual() ? " " + order.get("reason").asText() : "",
                seconds);
        return new Outcome(path, orderId, order, seconds);
    }

    private static void printSummary(List<Outcome> outcomes, PrintStream out) {
        out.printf(
                "%-38s %-26s %-10s %-11s %-10s %6s  %s%n",
                "PATH", "OUTCOME", "PAYMENT", "INVENTORY", "SHIPMENT", "TIME", "AS EXPECTED");
        for (Outcome outcome : outcomes) {
            JsonNode order = outcome.order();
            out.printf(
                    "%-38s %-26s %-10s %-11s %-10s %5.1fs  %s%n",
                    outcome.path().name(),
                    order.path("status").asText()
                            + (order.path("reason").isTextual()
                                    ? " " + order.get("reason").asText()
                                    : ""),
                    order.at("/compensations/payment").asText(),
                    order.at("/compensations/inventory").asText(),
                    order.at("/compensations/shipment").asText(),
                    outcome.seconds(),
                    outcome.asExpected()
                            ? "yes"
                            : "NO, expected " + outcome.path().expected());
        }
    }
}
