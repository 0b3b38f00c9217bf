package dev.troupe.devstack;

import org.testcontainers.kafka.KafkaContainer;

/** Kafka in a container ({@code apache/kafka}, the clients' version), for machines that have Docker. */
public final class ContainerBroker implements RunningBroker {
    public static final String IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerBroker start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new ContainerBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
