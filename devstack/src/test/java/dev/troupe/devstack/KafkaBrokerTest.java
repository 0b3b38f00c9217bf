package dev.troupe.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void anInProcessBrokerKeepsItsTopicsAndRecordsAcrossARestart(@TempDir Path dataDir) throws Exception {
        BrokerSettings settings = new BrokerSettings(0, 0, dataDir, "127.0.0.1");
        try (KafkaBroker broker = KafkaBroker.start(settings)) {
            KafkaRoundTrip.createTopic(broker.bootstrapServers(), "greetings");
            KafkaRoundTrip.send(broker.bootstrapServers(), "greetings", "k", "hello");
        }

        try (KafkaBroker restarted = KafkaBroker.start(settings)) {
            KafkaRoundTrip.send(restarted.bootstrapServers(), "greetings", "k", "again");

            assertThat(KafkaRoundTrip.readAll(restarted.bootstrapServers(), "greetings"))
                    .containsExactly("hello", "again");
        }
    }
}
