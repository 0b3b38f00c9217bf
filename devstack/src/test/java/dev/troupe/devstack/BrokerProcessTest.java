package dev.troupe.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerProcessTest {

    @Test
    void aBrokerInAChildProcessServesClientsAndIsGoneAfterClose(@TempDir Path dir) throws Exception {
        BrokerProcess broker = BrokerProcess.start(
                new BrokerSettings(0, 0, dir.resolve("data"), "127.0.0.1"),
                dir.resolve("kafka.log"),
                List.of("-Xmx512m"));
        try {
            KafkaRoundTrip.createTopic(broker.bootstrapServers(), "child");
            KafkaRoundTrip.send(broker.bootstrapServers(), "child", "k", "from the parent");

            assertThat(KafkaRoundTrip.readAll(broker.bootstrapServers(), "child"))
                    .containsExactly("from the parent");
            assertThat(broker.process().isAlive()).isTrue();
        } finally {
            broker.close();
        }

        assertThat(broker.process().isAlive()).isFalse();
        assertThat(ProcessHandle.of(broker.process().pid())).isEmpty();
    }
}
