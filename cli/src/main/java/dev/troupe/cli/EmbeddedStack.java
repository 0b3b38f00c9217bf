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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on this machine: the Kafka broker, the schema registry and the five services, each a child
 * process with its log under {@code .troupe/logs}. Children are stopped in reverse order of start; should
 * this process die without stopping them, they exit by themselves.
 */
public final class EmbeddedStack implements AutoCloseable {
    // The broker and registry run on the CLI's class path, which has more than one logback.xml: name the CLI's.
    private static final String LOGGING = "-Dlogback.configurationFile=logback-cli.xml";
    private static final List<String> BROKER_JVM = List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", LOGGING);
    private static final List<String> REGISTRY_JVM = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", LOGGING);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** A child process and where it can be reached. */
    record Member(String name, String address, JavaProcess process) {}

    private final StackLayout layout;
    private final StackOptions options;
    private BrokerProcess broker;
    private final List<Member> members = new ArrayList<>();
    private final String registryUrl;
    /** The HTTP port of each service instance, by member name, kept across restarts. */
    private final Map<String, Integer> servicePorts = new HashMap<>();

    private EmbeddedStack(StackLayout layout, StackOptions options, BrokerProcess broker, String registryUrl) {
        this.layout = layout;
        this.options = options;
        this.broker = broker;
        this.registryUrl = registryUrl;
    }

    /** Starts Kafka and the registry, then the services, and returns once every one of them is ready. */
    public static EmbeddedStack start(StackLayout layout, StackOptions options) {
        BrokerProcess broker = BrokerProcess.start(
                new BrokerSettings(options.kafkaPort(), 0, layout.data().resolve("kafka"), "localhost"),
                layout.log("kafka"),
                BROKER_JVM);
        int registryPort = FreePort.orPick(options.registryPort());
        EmbeddedStack stack = new EmbeddedStack(layout, options, broker, "http://localhost:" + registryPort);
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
                            Integer.toString(registryPort)),
                    layout.log("schema-registry"));
            stack.members.add(new Member("schema-registry", stack.registryUrl, registry));
            awaitHttp(registry, stack.registryUrl + "/subjects");
            List<Member> services = new ArrayList<>();
            for (ServiceProcess service : ServiceProcess.values()) {
                for (int instance = 1; instance <= options.instances(); instance++) {
                    services.add(stack.launch(service, instance));
                }
            }
            services.forEach(EmbeddedStack::awaitReady);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registryUrl;
    }

    URI orderApi() {
        return URI.create("http://localhost:" + servicePorts.get(instanceName(ServiceProcess.ORDER.id, 1)));
    }

    /** The JVM options every service process runs with, for a process that is to be compared with them. */
    public static List<String> serviceJvmOptions() {
        return ServiceProcess.JVM_OPTIONS;
    }

    /** The process id of every member of the stack, by name. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        members.forEach(member -> pids.put(member.name(), member.process().pid()));
        return pids;
    }

    List<Member> members() {
        return List.copyOf(members);
    }

    long residentBytes() {
        return ProcessMemory.residentBytes(
                members.stream().map(m -> m.process().pid()).toList());
    }

    /** Stops (the first instance of) one service, as an outage would (SIGTERM, graceful). */
    void stop(ServiceProcess service) {
        member(service).ifPresent(member -> {
            member.process().stop(Duration.ofSeconds(30));
            members.remove(member);
        });
    }

    /** Kills (the first instance of) one service with SIGKILL, as a crash would. */
    void kill(ServiceProcess service) {
        member(service).ifPresent(member -> {
            member.process().kill();
            members.remove(member);
        });
    }

    /**
     * Kills the broker with SIGKILL, as a crash would, and starts it again on the same ports and data. Not a
     * graceful stop: the controlled shutdown of a cluster's only broker leaves its partitions without a leader
     * while transactions are still completing, and Kafka (KAFKA-20734, 4.3) then skips their markers on those
     * partitions, so readers stop at a transaction that never ends. A crash leaves such transactions too, a few
     * seconds after the restart ({@link TransactionsLeftOpen}).
     */
    void killAndRestartBroker() {
        Member old = members.stream()
                .filter(m -> m.name().equals("kafka"))
                .findFirst()
                .orElseThrow();
        broker.process().kill();
        broker = BrokerProcess.start(broker.settings(), layout.log("kafka"), BROKER_JVM);
        members.set(members.indexOf(old), new Member("kafka", broker.bootstrapServers(), broker.process()));
    }

    /** Starts a stopped service again and waits until it is ready. */
    void restart(ServiceProcess service) {
        awaitReady(launch(service, 1));
    }

    @Override
    public void close() {
        for (int i = members.size() - 1; i >= 0; i--) {
            members.get(i).process().stop(Duration.ofSeconds(30));
        }
        members.clear();
    }

    private Optional<Member> member(ServiceProcess service) {
        return members.stream()
                .filter(m -> m.name().equals(instanceName(service.id, 1)))
                .findFirst();
    }

    /** The first instance of a process goes by its name, further ones by the name and their number. */
    public static String instanceName(String name, int instance) {
        return instance == 1 ? name : name + "-" + instance;
    }

    private Member launch(ServiceProcess service, int instance) {
        String name = instanceName(service.id, instance);
        int port = servicePorts.computeIfAbsent(
                name, n -> options.defaultServicePorts() ? service.defaultPort : FreePort.pick());
        Map<String, String> env = new HashMap<>(options.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", registryUrl);
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("ADVERTISED_HOST", "localhost");
        // Supervised instances with fixed ids: a restart takes its own place in the group at once.
        env.put("INSTANCE_ID", Integer.toString(instance));
        env.put("STATE_DIR", layout.data().resolve(name).toString());
        env.putIfAbsent("MAIL_OUTBOX", layout.outbox().toString());
        env.putIfAbsent(
                "PAYMENT_GATEWAY_DIR", layout.simulated("payment-gateway").toString());
        env.putIfAbsent("CARRIER_DIR", layout.simulated("carrier").toString());
        JavaProcess process = JavaProcess.start(
                name,
                service.mainClass,
                service.classPath(),
                ServiceProcess.JVM_OPTIONS,
                List.of(),
                env,
                layout.log(name));
        Member member = new Member(name, "http://localhost:" + port, process);
        members.add(member);
        return member;
    }

    /**
     * Waits until a service is ready. If it never is, says whether it counts hanging transactions, which keep a
     * service that restores its state from a changelog unready for good (docs/reliability.md).
     */
    private static void awaitReady(Member service) {
        try {
            awaitHttp(service.process(), service.address() + "/ready");
        } catch (IllegalStateException notReady) {
            long hanging = hangingTransactions(service.address() + "/metrics");
            if (hanging == 0) {
                throw notReady;
            }
            throw new IllegalStateException(
                    notReady.getMessage() + "; it counts " + hanging + " hanging transaction(s) on its partitions,"
                            + " which its log names (a Kafka issue after a broker restart: docs/reliability.md)",
                    notReady);
        }
    }

    /** What the service's {@code troupe_hanging_transactions} gauge says; 0 if it cannot be read. */
    private static long hangingTransactions(String metricsUrl) {
        try {
            String metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(metricsUrl))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return metrics.lines()
                    .filter(line -> line.startsWith("troupe_hanging_transactions"))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
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
