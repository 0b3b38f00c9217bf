package dev.troupe.devstack.junit;

import dev.troupe.devstack.ContainerBroker;
import dev.troupe.devstack.DevStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Gives every test class of a JVM the same running broker and schema registry, as a {@link DevStack}
 * parameter. The broker is a Testcontainers {@code apache/kafka} container where Docker is available, and the
 * embedded broker otherwise; {@code TROUPE_TEST_BROKER=embedded|docker} forces one.
 */
public final class DevStackExtension implements BeforeAllCallback, ParameterResolver {
    private static final Logger LOG = LoggerFactory.getLogger(DevStackExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DevStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DevStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static DevStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stack", key -> startStack(), DevStack.class);
    }

    private static DevStack startStack() {
        if (useDocker()) {
            LOG.info("Starting Kafka in a container ({})", ContainerBroker.IMAGE);
            return DevStack.onBroker(ContainerBroker.start(), 0);
        }
        LOG.info("Starting the embedded Kafka broker");
        return DevStack.startEphemeral();
    }

    private static boolean useDocker() {
        String choice = System.getenv().getOrDefault("TROUPE_TEST_BROKER", "auto");
        return switch (choice) {
            case "embedded" -> false;
            case "docker" -> true;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default ->
                throw new IllegalArgumentException(
                        "TROUPE_TEST_BROKER must be embedded, docker or auto, got " + choice);
        };
    }
}
