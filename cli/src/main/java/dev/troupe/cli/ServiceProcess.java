package dev.troupe.cli;

import java.util.List;

/** How the CLI runs each service as a process of its own: main class, default port, JVM size. */
enum ServiceProcess {
    ORDER("order-service", "dev.troupe.order.Main", 8080),
    PAYMENT("payment-service", "dev.troupe.payment.Main", 8082),
    INVENTORY("inventory-service", "dev.troupe.inventory.Main", 8083),
    SHIPPING("shipping-service", "dev.troupe.shipping.Main", 8084),
    NOTIFICATION("notification-service", "dev.troupe.notification.Main", 8085);

    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC");

    final String id;
    final String mainClass;
    final int defaultPort;

    ServiceProcess(String id, String mainClass, int defaultPort) {
        this.id = id;
        this.mainClass = mainClass;
        this.defaultPort = defaultPort;
    }

    Class<?> main() {
        try {
            return Class.forName(mainClass);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The CLI was built without " + id, e);
        }
    }
}
