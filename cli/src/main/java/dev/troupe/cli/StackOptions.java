package dev.troupe.cli;

import java.util.Map;

/**
 * How to run the embedded stack.
 *
 * @param kafkaPort Kafka's port; 0 picks a free one
 * @param registryPort the schema registry's port; 0 picks a free one
 * @param defaultServicePorts whether the services listen on their usual ports (8080, 8082–8085) or free ones
 * @param serviceEnvironment extra settings for every service (ORDER_TIMEOUT, …)
 * @param instances how many instances of every service run (each its own process, sharing the work by partition)
 */
public record StackOptions(
        int kafkaPort,
        int registryPort,
        boolean defaultServicePorts,
        Map<String, String> serviceEnvironment,
        int instances) {
    public StackOptions {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, not " + instances);
        }
        if (instances > 1 && defaultServicePorts) {
            throw new IllegalArgumentException("only one instance of each service can listen on its usual port");
        }
    }

    /** One instance of every service, on free ports. */
    public static StackOptions onFreePorts(Map<String, String> serviceEnvironment) {
        return new StackOptions(0, 0, false, serviceEnvironment, 1);
    }
}
