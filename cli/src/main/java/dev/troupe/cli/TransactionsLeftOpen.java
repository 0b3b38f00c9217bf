package dev.troupe.cli;

import dev.troupe.runtime.HangingTransactions;
import dev.troupe.runtime.HangingTransactions.Hanging;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.internals.Topic;

/**
 * The transactions a restart of the embedded broker leaves open. On a single KRaft node the restarted broker
 * takes back its transactions from the state it had before the crash, until the controller fences its previous
 * self — about {@link #FENCING} later — and then skips the markers it could not yet deliver (KAFKA-20734,
 * docs/reliability.md). The producers that go on writing to those partitions end them; a service restarted before
 * its producer has written to each of its changelogs again can never restore them.
 */
final class TransactionsLeftOpen {
    /**
     * When the controller has fenced the broker's old self: a session timeout (9 s) after the restarted node's
     * controller took over. In the run that showed it, that was 6.5 s after the broker answered again.
     */
    private static final Duration FENCING = Duration.ofSeconds(20);
    /** Longer than any transaction of the services stays open while they run: they commit every 100 ms. */
    private static final Duration OPEN_TOO_LONG = Duration.ofSeconds(5);

    private TransactionsLeftOpen() {}

    /**
     * Waits until the restarted broker has fenced its old self and no transaction that its coordinator no longer
     * tracks has stayed open on the stack's partitions for {@link #OPEN_TOO_LONG}; returns those still open after
     * {@code atMost}.
     */
    static List<Hanging> awaitEnded(String bootstrapServers, Duration atMost) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            HangingTransactions finder = new HangingTransactions(admin, OPEN_TOO_LONG);
            long start = System.currentTimeMillis();
            while (true) {
                long now = System.currentTimeMillis();
                List<Hanging> open = hanging(admin, finder, now);
                boolean fenced = now - start >= FENCING.toMillis();
                if ((fenced && open.isEmpty()) || now - start >= atMost.toMillis()) {
                    return open;
                }
                Pacing.sleep(1_000);
            }
        }
    }

    private static List<Hanging> hanging(Admin admin, HangingTransactions finder, long now)
            throws InterruptedException {
        try {
            // Every partition of the stack's topics and of the offsets topic.
            return finder.find(
                    HangingTransactions.partitionsOf(admin, name -> !name.equals(Topic.TRANSACTION_STATE_TOPIC_NAME)),
                    now);
        } catch (ExecutionException | RuntimeException brokerNotBackYet) {
            return List.of();
        }
    }
}
