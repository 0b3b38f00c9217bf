package dev.troupe.e2e;

import dev.troupe.inventory.Catalog;
import dev.troupe.inventory.InventoryTopology;
import dev.troupe.notification.NotificationSettings;
import dev.troupe.notification.NotificationTopology;
import dev.troupe.order.OrderTopology;
import dev.troupe.payment.PaymentSettings;
import dev.troupe.payment.PaymentTopology;
import dev.troupe.registry.client.SchemaRegistryClient;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.EventTopology;
import dev.troupe.shipping.ShippingSettings;
import dev.troupe.shipping.ShippingTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;

/** Each service's real topology, built without Kafka: what it reads and writes. */
final class Topologies {
    private Topologies() {}

    static EventTopology of(String service) {
        SchemaRegistryClient registry = SchemaRegistryClient.of("http://unused:8081");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return switch (service) {
            case "order-service" -> OrderTopology.build(registry, Duration.ofSeconds(60), meters);
            case "payment-service" ->
                PaymentTopology.build(registry, PaymentSettings.fromEnv(new Env(Map.of())), meters);
            case "inventory-service" -> InventoryTopology.build(registry, Catalog.bundled(), meters);
            case "shipping-service" ->
                ShippingTopology.build(registry, ShippingSettings.fromEnv(new Env(Map.of())), meters);
            case "notification-service" ->
                NotificationTopology.build(registry, NotificationSettings.fromEnv(new Env(Map.of())), meters);
            default -> throw new IllegalArgumentException(service);
        };
    }
}
