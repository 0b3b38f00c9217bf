package dev.troupe.payment;

import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.ServiceConfig;
import dev.troupe.runtime.TroupeService;

/** The payment service: holds each customer's credit, charges and refunds at the payment gateway. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Env env = Env.system();
        try (TroupeService service =
                start(ServiceConfig.fromEnv(env, "payment-service", 8082), PaymentSettings.fromEnv(env))) {
            service.runUntilShutdown();
        }
    }

    public static TroupeService start(ServiceConfig config, PaymentSettings settings) {
        return TroupeService.start(
                config,
                meters -> PaymentTopology.build(SchemaRegistryClient.of(config.schemaRegistryUrl()), settings, meters));
    }
}
