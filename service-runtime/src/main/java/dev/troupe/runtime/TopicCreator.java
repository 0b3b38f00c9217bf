package dev.troupe.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics a service needs when they are missing; existing topics are left as they are. */
public final class TopicCreator {
    private TopicCreator() {}

    public static void ensure(Admin admin, Collection<String> topics, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .distinct()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().values().forEach(TopicCreator::awaitCreated);
            }
            awaitLeaders(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list topics: " + e.getMessage(), e);
        }
    }

    /**
     * A created topic is not yet in every broker's metadata; Kafka Streams treats a source topic it cannot see
     * as fatal, so start only once every partition has a leader.
     */
    private static void awaitLeaders(Admin admin, Collection<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                boolean ready =
                        admin
                                .describeTopics(Set.copyOf(topics))
                                .allTopicNames()
                                .get(10, TimeUnit.SECONDS)
                                .values()
                                .stream()
                                .flatMap(description -> description.partitions().stream())
                                .allMatch(partition -> partition.leader() != null);
                if (ready) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Topics " + topics + " did not become available: " + e.getMessage(), e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + topics + " have partitions without a leader after 30 s");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> creation) {
        try {
            creation.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another instance of the service created it first: the outcome we want.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "Cannot create topic: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic creation did not finish within 30 s", e);
        }
    }
}
