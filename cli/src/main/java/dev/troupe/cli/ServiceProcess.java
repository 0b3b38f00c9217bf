package dev.troupe.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How the CLI runs each service as a process of its own: main class, default port, JVM size. */
enum ServiceProcess {
    ORDER("order-service", "dev.troupe.order.Main", 8080),
    PAYMENT("payment-service", "dev.troupe.payment.Main", 8082),
    INVENTORY("inventory-service", "dev.troupe.inventory.Main", 8083),
    SHIPPING("shipping-service", "dev.troupe.shipping.Main", 8084),
    NOTIFICATION("notification-service", "dev.troupe.notification.Main", 8085);

    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC");

    private static final String VERSION = "0.1.0-SNAPSHOT";

    final String id;
    final String mainClass;
    final int defaultPort;

    ServiceProcess(String id, String mainClass, int defaultPort) {
        this.id = id;
        this.mainClass = mainClass;
        this.defaultPort = defaultPort;
    }

    /**
     * The service's own runnable jar — the one its image runs — when the launcher says where the project is;
     * otherwise (tests) the CLI's class path, which holds every service too.
     */
    String classPath() {
        String home = System.getProperty("troupe.home");
        if (home != null) {
            Path jar = Path.of(home, id, "target", id + "-" + VERSION + "-all.jar");
            if (Files.exists(jar)) {
                return jar.toString();
            }
        }
        return System.getProperty("java.class.path");
    }
}
