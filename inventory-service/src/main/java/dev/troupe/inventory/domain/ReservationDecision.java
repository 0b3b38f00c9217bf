package dev.troupe.inventory.domain;

import java.util.List;

/** What to do after an event: SKU commands to send, and at most one event to publish. */
public record ReservationDecision(List<StockCommand> commands, Publish publish, List<StockResult> shortages) {
    public enum Publish {
        NOTHING,
        RESERVED,
        FAILED,
        RELEASED
    }

    public static final ReservationDecision NOTHING = new ReservationDecision(List.of(), Publish.NOTHING, List.of());

    static ReservationDecision send(List<StockCommand> commands) {
        return new ReservationDecision(commands, Publish.NOTHING, List.of());
    }
}
