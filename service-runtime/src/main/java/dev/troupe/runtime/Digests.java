package dev.troupe.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Hashes on the hot path (every event's id and span): one digest instance per thread, since looking one up
 * through the security providers costs more than the hash itself.
 */
final class Digests {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> instance("MD5"));
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> instance("SHA-256"));

    private Digests() {}

    /** The same as {@link UUID#nameUUIDFromBytes} (version 3) of the text's UTF-8 bytes. */
    static UUID nameUuid(String text) {
        byte[] hash = MD5.get().digest(text.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (hash[i] & 0xff);
            least = (least << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    static byte[] sha256(String text) {
        return SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest instance(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java platform", e);
        }
    }
}
