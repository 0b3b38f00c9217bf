package dev.troupe.notification;

import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.ServiceConfig;
import dev.troupe.runtime.TroupeService;

/** The notification service: e-mails customers about their orders. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Env env = Env.system();
        try (TroupeService service =
                start(ServiceConfig.fromEnv(env, "notification-service", 8085), NotificationSettings.fromEnv(env))) {
            service.runUntilShutdown();
        }
    }

    public static TroupeService start(ServiceConfig config, NotificationSettings settings) {
        return TroupeService.start(
                config,
                meters -> NotificationTopology.build(
                        SchemaRegistryClient.of(config.schemaRegistryUrl()), settings, meters));
    }
}
