package dev.troupe.devstack;

/** A Kafka broker that this process started and stops on {@link #close()}. */
public interface RunningBroker extends AutoCloseable {
    String bootstrapServers();

    @Override
    void close();
}
