package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.troupe.devstack.DevStack;
import dev.troupe.devstack.junit.DevStackExtension;
import dev.troupe.events.Topic;
import dev.troupe.events.Topics;
import dev.troupe.inventory.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processing everything a second time changes nothing (DESIGN §4, invariant 6): every service's consumer
 * group is rewound to the start of every topic it reads, and once the services have read it all again, not
 * one event more is on any event topic and every invariant still holds.
 */
@ExtendWith(DevStackExtension.class)
class ReplayEndToEndTest {
    private static final List<String> SKUS = IntStream.rangeClosed(1, 50)
            .mapToObj(i -> String.format("SKU-%03d", i))
            .toList();

    @Test
    void rewindingEveryServiceToTheStartChangesNothing(DevStack stack, @TempDir Path workDir) throws Exception {
        try (Deployment deployment = Deployment.startAll(stack, workDir, Map.of());
                OrderFeed feed = new OrderFeed(deployment, 11);
                Admin admin = Admin.create(Map.of("bootstrap.servers", deployment.bootstrapServers()))) {
            List<String> orders = feed.send(40, 10, SKUS, 0.1);
            await("the orders settle")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> EventLog.read(deployment),
                            log -> log.check(orders, Catalog.bundled(), 100_000).clean());
            Map<TopicPartition, Long> before = eventTopicEnds(admin);

            for (Service service : Service.values()) {
                deployment.stop(deployment.instances(service).get(0));
                rewind(admin, service.id);
                deployment.start(service);
            }
            deployment.awaitReady();
            await("every service has read everything again")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> allCaughtUp(admin));

            assertThat(eventTopicEnds(admin)).isEqualTo(before);
            assertThat(EventLog.read(deployment)
                            .check(orders, Catalog.bundled(), 100_000)
                            .violations())
                    .isEmpty();
        }
    }

    private static void rewind(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> toStart = new HashMap<>();
        admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .keySet()
                .forEach(partition -> toStart.put(partition, new OffsetAndMetadata(0)));
        assertThat(toStart).as("partitions " + group + " had read").isNotEmpty();
        await("the group of " + group + " is empty")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() ->
                        admin.alterConsumerGroupOffsets(group, toStart).all().get());
    }

    private static boolean allCaughtUp(Admin admin) throws Exception {
        for (Service service : Service.values()) {
            if (!caughtUp(admin, service.id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean caughtUp(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        // The end of a transactional topic is one past its last commit marker: caught up within one marker.
        return committed.entrySet().stream()
                .allMatch(e -> e.getValue().offset() >= ends.get(e.getKey()).offset() - 1);
    }

    private static Map<TopicPartition, Long> eventTopicEnds(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        var descriptions = admin.describeTopics(
                        Topics.ALL.stream().map(Topic::name).toList())
                .allTopicNames()
                .get();
        descriptions
                .values()
                .forEach(d -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }
}
