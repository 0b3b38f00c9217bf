package dev.troupe.e2e;

/** The five services, by their application id. */
enum Service {
    ORDER("order-service"),
    PAYMENT("payment-service"),
    INVENTORY("inventory-service"),
    SHIPPING("shipping-service"),
    NOTIFICATION("notification-service");

    final String id;

    Service(String id) {
        this.id = id;
    }
}
