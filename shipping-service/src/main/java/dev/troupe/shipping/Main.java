package dev.troupe.shipping;

import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.ServiceConfig;
import dev.troupe.runtime.TroupeService;

/** The shipping service: books shipments for reserved orders, cancels them for cancelled ones. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Env env = Env.system();
        try (TroupeService service =
                start(ServiceConfig.fromEnv(env, "shipping-service", 8084), ShippingSettings.fromEnv(env))) {
            service.runUntilShutdown();
        }
    }

    public static TroupeService start(ServiceConfig config, ShippingSettings settings) {
        return TroupeService.start(
                config,
                meters ->
                        ShippingTopology.build(SchemaRegistryClient.of(config.schemaRegistryUrl()), settings, meters));
    }
}
