package dev.troupe.devstack;

import dev.troupe.registry.server.SchemaRegistryServer;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the schema registry as a process of its own against {@code KAFKA_BOOTSTRAP_SERVERS}, listening on
 * {@code SCHEMA_REGISTRY_PORT} (default 8081); stops cleanly on SIGTERM.
 */
public final class RegistryMain {
    private RegistryMain() {}

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        String portText = System.getenv().getOrDefault("SCHEMA_REGISTRY_PORT", "8081");
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            System.err.println("SCHEMA_REGISTRY_PORT must be a port number, got '" + portText + "'");
            System.exit(2);
            return;
        }
        SchemaRegistryServer registry = DevStack.startRegistry(bootstrap, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            registry.close();
                            stopped.countDown();
                        },
                        "registry-shutdown"));
        System.out.println("READY " + registry.url());
        stopped.await();
    }
}
