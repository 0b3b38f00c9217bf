package dev.troupe.cli;

import picocli.CommandLine.Option;

/** Where Kafka and the schema registry are; every command that talks to them takes these. */
final class ConnectionOptions {
    @Option(
            names = "--bootstrap-server",
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}")
    String bootstrapServers;

    @Option(
            names = "--schema-registry",
            paramLabel = "URL",
            description = "Schema registry URL (default: $SCHEMA_REGISTRY_URL or ${DEFAULT-VALUE}).",
            defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://localhost:8081}")
    String schemaRegistryUrl;
}
