package dev.troupe.devstack;

import java.util.concurrent.CountDownLatch;

/** Runs the embedded Kafka broker as a process of its own; stops cleanly on SIGTERM. */
public final class BrokerMain {
    private BrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.start(BrokerSettings.fromArgs(args));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "broker-shutdown"));
        System.out.println("READY " + broker.bootstrapServers());
        stopped.await();
    }
}
