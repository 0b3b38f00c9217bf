package dev.troupe.order;

import dev.troupe.order.api.OrderApi;
import dev.troupe.order.api.OrderQueries;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.ServiceConfig;
import dev.troupe.runtime.TroupeService;
import org.apache.kafka.streams.state.HostInfo;

/** The order service: REST API on HTTP_PORT (default 8080), and the order saga on Kafka. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Env env = Env.system();
        ServiceConfig config = ServiceConfig.fromEnv(env, "order-service", 8080);
        OrderSettings settings = OrderSettings.fromEnv(env);
        try (RequestPublisher requests = new RequestPublisher(config.bootstrapServers());
                TroupeService service = start(config, settings, requests)) {
            service.runUntilShutdown();
        }
    }

    /** Starts the service with its API; also used by the end-to-end tests. */
    public static TroupeService start(ServiceConfig config, OrderSettings settings, RequestPublisher requests) {
        SchemaRegistryClient registry = SchemaRegistryClient.of(config.schemaRegistryUrl());
        TroupeService service =
                TroupeService.start(config, meters -> OrderTopology.build(registry, settings.orderTimeout(), meters));
        HostInfo self = new HostInfo(config.advertisedHost(), service.http().port());
        service.http()
                .route(
                        "/orders",
                        new OrderApi(new OrderQueries(service.streams(), OrderStores.ORDERS, self), requests));
        return service;
    }
}
