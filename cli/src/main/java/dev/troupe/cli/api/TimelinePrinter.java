package dev.troupe.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Prints an order's timeline as it grows: each new event once, with its delay since the order was created. */
public final class TimelinePrinter {
    private final PrintWriter out;
    private final Set<String> printed = new HashSet<>();
    private Instant start;

    public TimelinePrinter(PrintWriter out) {
        this.out = out;
    }

    public void printNew(JsonNode order) {
        for (JsonNode step : order.path("timeline")) {
            Instant at = Instant.parse(step.get("occurredAt").asText());
            if (start == null || step.get("topic").asText().equals("order.created")) {
                start = start == null || at.isBefore(start) ? at : start;
            }
            if (printed.add(step.get("eventId").asText())) {
                out.printf(
                        "   +%6.3fs  %-20s %-21s %s%n",
                        (at.toEpochMilli() - start.toEpochMilli()) / 1000.0,
                        step.get("topic").asText(),
                        step.get("source").asText(),
                        step.path("summary").asText(""));
                out.flush();
            }
        }
    }
}
