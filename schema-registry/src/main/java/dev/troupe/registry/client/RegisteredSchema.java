package dev.troupe.registry.client;

import org.apache.avro.Schema;

/** A schema as registered under a subject: its global id and its version there. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
