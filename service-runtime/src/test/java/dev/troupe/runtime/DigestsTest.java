package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DigestsTest {
    @Test
    void derivedIdsAreTheNameBasedUuidsOfEarlierVersionsSoStoredIdsStillMatch() {
        IntStream.range(0, 1_000)
                .mapToObj(i -> "event-" + i + "|payment.completed")
                .forEach(text -> assertThat(Digests.nameUuid(text))
                        .isEqualTo(UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8))));
    }
}
