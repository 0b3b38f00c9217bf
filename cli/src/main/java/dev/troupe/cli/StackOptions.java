package dev.troupe.cli;

import java.util.Map;

/**
 * How to run the embedded stack.
 *
 * @param kafkaPort Kafka's port; 0 picks a free one
 * @param registryPort the schema registry's port; 0 picks a free one
 * @param defaultServicePorts whether the services listen on their usual ports (8080, 8082–8085) or free ones
 * @param serviceEnvironment extra settings for every service (ORDER_TIMEOUT, …)
 */
public record StackOptions(
        int kafkaPort, int registryPort, boolean defaultServicePorts, Map<String, String> serviceEnvironment) {}
