package dev.troupe.registry.serde;

/** Confluent's framing: a zero magic byte, the schema id as a 4-byte big-endian int, then the Avro binary. */
final class WireFormat {
    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {}

    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    static int schemaId(byte[] bytes) {
        return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }
}
