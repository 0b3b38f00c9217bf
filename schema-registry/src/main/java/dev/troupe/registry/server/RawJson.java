package dev.troupe.registry.server;

/** A response body that is already JSON text, written as it is (the bare schema endpoints). */
record RawJson(String text) {}
