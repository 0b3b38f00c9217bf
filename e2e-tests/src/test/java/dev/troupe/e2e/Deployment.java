package dev.troupe.e2e;

import dev.troupe.devstack.DevStack;
import dev.troupe.inventory.InventorySettings;
import dev.troupe.notification.NotificationSettings;
import dev.troupe.order.OrderSettings;
import dev.troupe.order.RequestPublisher;
import dev.troupe.payment.PaymentSettings;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.ServiceConfig;
import dev.troupe.runtime.TroupeService;
import dev.troupe.shipping.ShippingSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.awaitility.Awaitility;

/**
 * The five services running against a real broker and registry, each instance a real Kafka Streams
 * application with its own state directory and HTTP port, configured through its environment variables.
 */
final class Deployment implements AutoCloseable {
    record Instance(Service service, TroupeService running, String name) {}

    private final DevStack stack;
    private final Path workDir;
    private final Map<String, String> env;
    private final List<Instance> instances = new ArrayList<>();
    private final RequestPublisher requests;
    private final HttpClient http = HttpClient.newHttpClient();

    Deployment(DevStack stack, Path workDir, Map<String, String> settings) {
        this.stack = stack;
        this.workDir = workDir;
        this.env = new HashMap<>(settings);
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.putIfAbsent("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
        env.put("HTTP_PORT", "0");
        env.put("ADVERTISED_HOST", "localhost");
        env.putIfAbsent("MAIL_OUTBOX", outbox().toString());
        env.putIfAbsent("PAYMENT_GATEWAY_DIR", paymentGateway().toString());
        env.putIfAbsent("CARRIER_DIR", carrier().toString());
        env.putIfAbsent("NOTIFICATION_REFUND_WAIT", "PT3S");
        this.requests = new RequestPublisher(stack.bootstrapServers());
    }

    static Deployment startAll(DevStack stack, Path workDir, Map<String, String> settings) {
        Deployment deployment = new Deployment(stack, workDir, settings);
        for (Service service : Service.values()) {
            deployment.start(service);
        }
        deployment.awaitReady();
        return deployment;
    }

    Path outbox() {
        return workDir.resolve("outbox");
    }

    /** The simulated payment gateway's books: one entry per charge and refund made there. */
    Path paymentGateway() {
        return workDir.resolve("payment-gateway");
    }

    /** The simulated carrier's books: one entry per booking and cancellation made there. */
    Path carrier() {
        return workDir.resolve("carrier");
    }

    /** Starts one more instance of the service (a second one shares the work with the first). */
    Instance start(Service service) {
        String name = service.id + "-"
                + instances.stream().filter(i -> i.service() == service).count();
        Map<String, String> variables = new HashMap<>(env);
        variables.put("STATE_DIR", workDir.resolve("state").resolve(name).toString());
        Env environment = new Env(variables);
        ServiceConfig config = ServiceConfig.fromEnv(environment, service.id, 0);
        TroupeService running = switch (service) {
            case ORDER -> dev.troupe.order.Main.start(config, OrderSettings.fromEnv(environment), requests);
            case PAYMENT -> dev.troupe.payment.Main.start(config, PaymentSettings.fromEnv(environment));
            case INVENTORY -> dev.troupe.inventory.Main.start(config, InventorySettings.fromEnv(environment));
            case SHIPPING -> dev.troupe.shipping.Main.start(config, ShippingSettings.fromEnv(environment));
            case NOTIFICATION -> dev.troupe.notification.Main.start(config, NotificationSettings.fromEnv(environment));
        };
        Instance instance = new Instance(service, running, name);
        instances.add(instance);
        return instance;
    }

    void stop(Instance instance) {
        instance.running().close();
        instances.remove(instance);
    }

    List<Instance> instances(Service service) {
        return instances.stream().filter(i -> i.service() == service).toList();
    }

    void awaitReady() {
        Awaitility.await("every service ready")
                .atMost(Duration.ofSeconds(90))
                .until(() -> instances.stream().allMatch(i -> get(i, "/ready").statusCode() == 200));
    }

    URI orderApi() {
        return orderApi(instances(Service.ORDER).get(0));
    }

    static URI orderApi(Instance instance) {
        return URI.create("http://localhost:" + instance.running().http().port());
    }

    /** A value in a service's state store, whichever instance owns its key. */
    <V> V stored(Service service, String store, String key) {
        for (Instance instance : instances(service)) {
            try {
                V value = instance.running()
                        .streams()
                        .store(StoreQueryParameters.fromNameAndType(
                                store, QueryableStoreTypes.<String, V>keyValueStore()))
                        .get(key);
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                // this instance does not own the key right now
            }
        }
        return null;
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return stack.schemaRegistryUrl();
    }

    HttpResponse<String> get(Instance instance, String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(orderApi(instance).resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).running().close();
        }
        instances.clear();
        requests.close();
    }
}
