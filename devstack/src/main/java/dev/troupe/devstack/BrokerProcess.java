package dev.troupe.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The embedded Kafka broker in a child JVM, so it can be killed and restarted like a real one. */
public final class BrokerProcess implements RunningBroker {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final BrokerSettings settings;
    private final JavaProcess process;

    private BrokerProcess(BrokerSettings settings, JavaProcess process) {
        this.settings = settings;
        this.process = process;
    }

    public static BrokerProcess start(BrokerSettings requested, Path log, List<String> jvmOptions) {
        BrokerSettings settings = requested.withFreePorts();
        JavaProcess process =
                JavaProcess.start("kafka", BrokerMain.class, jvmOptions, settings.toArgs(), Map.of(), log);
        try {
            BrokerReadiness.await(settings.bootstrapServers(), READY_TIMEOUT, process::isAlive);
        } catch (RuntimeException e) {
            process.kill();
            throw new IllegalStateException(e.getMessage() + "; last lines of " + log + ":\n" + process.logTail(20), e);
        }
        return new BrokerProcess(settings, process);
    }

    @Override
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public BrokerSettings settings() {
        return settings;
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
