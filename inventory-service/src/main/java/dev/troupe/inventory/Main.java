package dev.troupe.inventory;

import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.ServiceConfig;
import dev.troupe.runtime.TroupeService;

/** The inventory service: reserves and releases stock per SKU. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Env env = Env.system();
        try (TroupeService service =
                start(ServiceConfig.fromEnv(env, "inventory-service", 8083), InventorySettings.fromEnv(env))) {
            service.runUntilShutdown();
        }
    }

    public static TroupeService start(ServiceConfig config, InventorySettings settings) {
        return TroupeService.start(
                config,
                meters -> InventoryTopology.build(
                        SchemaRegistryClient.of(config.schemaRegistryUrl()), settings.catalog(), meters));
    }
}
