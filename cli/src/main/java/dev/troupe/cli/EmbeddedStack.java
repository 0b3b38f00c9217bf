package dev.troupe.cli;

import dev.troupe.devstack.BrokerProcess;
import dev.troupe.devstack.BrokerSettings;
import dev.troupe.devstack.FreePort;
import dev.troupe.devstack.JavaProcess;
import dev.troupe.devstack.RegistryMain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole system on this machine: the Kafka broker and the schema registry, each a child process with its
 * log under {@code .troupe/logs}. Children are stopped in reverse order of start; should this process die
 * without stopping them, they exit by themselves.
 */
final class EmbeddedStack implements AutoCloseable {
    private static final List<String> BROKER_JVM = List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC");
    private static final List<String> REGISTRY_JVM = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** A child process and where it can be reached. */
    record Member(String name, String address, JavaProcess process) {}

    private final BrokerProcess broker;
    private final List<Member> members = new ArrayList<>();
    private final String registryUrl;

    private EmbeddedStack(BrokerProcess broker, String registryUrl) {
        this.broker = broker;
        this.registryUrl = registryUrl;
    }

    static EmbeddedStack start(StackLayout layout, int kafkaPort, int registryPort) {
        BrokerProcess broker = BrokerProcess.start(
                new BrokerSettings(kafkaPort, 0, layout.data().resolve("kafka"), "localhost"),
                layout.log("kafka"),
                BROKER_JVM);
        int port = FreePort.orPick(registryPort);
        EmbeddedStack stack = new EmbeddedStack(broker, "http://localhost:" + port);
        stack.members.add(new Member("kafka", broker.bootstrapServers(), broker.process()));
        try {
            JavaProcess registry = JavaProcess.start(
                    "schema-registry",
                    RegistryMain.class,
                    REGISTRY_JVM,
                    List.of(),
                    Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS",
                            broker.bootstrapServers(),
                            "SCHEMA_REGISTRY_PORT",
                            Integer.toString(port)),
                    layout.log("schema-registry"));
            stack.members.add(new Member("schema-registry", stack.registryUrl, registry));
            awaitHttp(registry, stack.registryUrl + "/subjects");
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return registryUrl;
    }

    List<Member> members() {
        return List.copyOf(members);
    }

    long residentBytes() {
        return ProcessMemory.residentBytes(
                members.stream().map(m -> m.process().pid()).toList());
    }

    @Override
    public void close() {
        for (int i = members.size() - 1; i >= 0; i--) {
            members.get(i).process().stop(Duration.ofSeconds(30));
        }
    }

    private static void awaitHttp(JavaProcess process, String url) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        process.name() + " exited while starting; see " + process.log() + ":\n" + process.logTail(15));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + process.name(), e);
            }
            pause();
        }
        throw new IllegalStateException(
                process.name() + " was not ready within " + READY_TIMEOUT + "; see " + process.log());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
