package dev.troupe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.troupe.events.Topics;
import dev.troupe.inventory.InventorySettings;
import dev.troupe.notification.NotificationSettings;
import dev.troupe.order.OrderSettings;
import dev.troupe.payment.PaymentSettings;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.ServiceConfig;
import dev.troupe.runtime.ServiceTopics;
import dev.troupe.shipping.ShippingSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What can be proved of the compose deployment without a Docker engine: the file is valid compose, every
 * variable it sets is one the service reads (and accepts), every topic the services use is created with the
 * right partitions, scalable services publish no host port, and the observability files parse.
 */
class ComposeDeploymentTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SERVICES =
            Set.of("order-service", "payment-service", "inventory-service", "shipping-service", "notification-service");

    @Test
    void dockerComposeAcceptsTheFileWithEveryProfile() throws Exception {
        assumeTrue(
                onPath("docker-compose"), "docker-compose is not installed here (.ci/run installs Debian's package)");
        Process config = new ProcessBuilder(
                        "docker-compose",
                        "-f",
                        "docker-compose.yml",
                        "--profile",
                        "ui",
                        "--profile",
                        "observability",
                        "config",
                        "-q")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue())
                .as(new String(config.getInputStream().readAllBytes()))
                .isZero();
    }

    @Test
    void everyVariableComposeSetsIsOneTheServiceReadsAndAccepts() throws Exception {
        JsonNode services = compose().get("services");
        for (String service : SERVICES) {
            Map<String, String> env = environment(services.get(service));
            Env read = new Env(env);
            ServiceConfig.fromEnv(read, service, 0);
            settingsOf(service).accept(read);

            assertThat(read.namesRead()).as("variables " + service + " reads").containsAll(env.keySet());
        }
    }

    @Test
    void everyTopicTheServicesUseIsCreatedWithItsPartitioning() throws Exception {
        JsonNode topicsJob = compose().at("/services/topics/environment");
        Set<String> partitioned = words(topicsJob.get("PARTITIONED_TOPICS").asText());
        Set<String> single = words(topicsJob.get("SINGLE_PARTITION_TOPICS").asText());
        for (String service : SERVICES) {
            ServiceTopics topics = Topologies.of(service).topics();
            assertThat(partitioned).as(service).containsAll(topics.eventTopics());
            assertThat(single).as(service).containsAll(topics.deadLetterTopics(service));
        }
        assertThat(partitioned)
                .containsAll(
                        Topics.ALL.stream().map(dev.troupe.events.Topic::name).toList());
    }

    @Test
    void theSystemIsAllThereAndOnlyTheOrderApiPublishesAServicePort() throws Exception {
        JsonNode services = compose().get("services");

        assertThat(names(services))
                .contains("kafka", "schema-registry", "topics", "order-api", "kafka-ui", "prometheus", "grafana")
                .containsAll(SERVICES);
        assertThat(services.at("/kafka/image").asText()).isEqualTo("apache/kafka:4.3.1");
        assertThat(services.at("/schema-registry/image").asText()).startsWith("confluentinc/cp-schema-registry:");
        for (String service : SERVICES) {
            assertThat(services.get(service).has("ports"))
                    .as(service + " publishes no host port, so it scales")
                    .isFalse();
            assertThat(services.get(service).at("/depends_on/topics/condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
        assertThat(services.at("/order-api/ports").toString()).contains("8080:8080");
        assertThat(services.at("/kafka-ui/profiles").toString()).contains("ui");
        assertThat(services.at("/grafana/profiles").toString()).contains("observability");
    }

    @Test
    void prometheusScrapesEveryServiceAndGrafanaIsProvisioned() throws Exception {
        JsonNode prometheus =
                YAML.readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
        Set<String> jobs =
                new java.util.HashSet<>(prometheus.get("scrape_configs").findValuesAsText("job_name"));

        assertThat(jobs).containsAll(SERVICES);
        assertThat(YAML.readTree(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")
                                .toFile())
                        .at("/datasources/0/url")
                        .asText())
                .isEqualTo("http://prometheus:9090");
        assertThat(YAML.readTree(ROOT.resolve("deploy/grafana/provisioning/dashboards/troupe.yml")
                                .toFile())
                        .at("/providers/0/options/path")
                        .asText())
                .isEqualTo("/var/lib/grafana/dashboards");
        assertThat(new ObjectMapper()
                        .readTree(ROOT.resolve("deploy/grafana/dashboards/troupe.json")
                                .toFile())
                        .get("panels")
                        .size())
                .isGreaterThanOrEqualTo(8);
    }

    private static JsonNode compose() throws Exception {
        return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    /** Compose's own variable substitution, for the defaults written as ${NAME:-default}. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.get("environment")
                .fields()
                .forEachRemaining(
                        e -> env.put(e.getKey(), e.getValue().asText().replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")));
        return env;
    }

    private static Consumer<Env> settingsOf(String service) {
        return switch (service) {
            case "order-service" -> OrderSettings::fromEnv;
            case "payment-service" -> PaymentSettings::fromEnv;
            case "inventory-service" -> InventorySettings::fromEnv;
            case "shipping-service" -> ShippingSettings::fromEnv;
            default -> NotificationSettings::fromEnv;
        };
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toSet());
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Path.of(dir, command).toFile().canExecute());
    }
}
