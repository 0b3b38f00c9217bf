package dev.troupe.inventory;

import static dev.troupe.runtime.TaggedValues.readFromJson;
import static dev.troupe.runtime.TaggedValues.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.inventory.domain.StockCommand;
import dev.troupe.inventory.domain.StockResult;
import dev.troupe.runtime.TaggedSerde;
import org.junit.jupiter.api.Test;

class StockCodecsTest {
    private final TaggedSerde<StockCommand> commands = new TaggedSerde<>(StockCommand.class, new StockCommandCodec());
    private final TaggedSerde<StockResult> results = new TaggedSerde<>(StockResult.class, new StockResultCodec());

    @Test
    void aCommandReadsBackAsSent() {
        StockCommand command = new StockCommand(StockCommand.Kind.RELEASE, "order-1", "SKU-1", 3);

        assertThat(roundTrip(commands, command)).isEqualTo(command);
    }

    @Test
    void aResultReadsBackAsSent() {
        StockResult shortOfUnknown = new StockResult(StockResult.Kind.SHORT, "order-1", "SKU-9", 2, 0, false);
        StockResult held = new StockResult(StockResult.Kind.HELD, "order-1", "SKU-1", 2, 9_000_000_000L, true);

        assertThat(roundTrip(results, shortOfUnknown)).isEqualTo(shortOfUnknown);
        assertThat(roundTrip(results, held)).isEqualTo(held);
    }

    @Test
    void commandsAndResultsSentAsJsonByAnEarlierVersionReadTheSame() {
        StockCommand command = new StockCommand(StockCommand.Kind.RESERVE, "order-1", "SKU-1", 3);
        StockResult result = new StockResult(StockResult.Kind.RELEASED, "order-1", "SKU-1", 3, 12, true);

        assertThat(readFromJson(commands, StockCommand.class, command)).isEqualTo(command);
        assertThat(readFromJson(results, StockResult.class, result)).isEqualTo(result);
    }
}
