package dev.troupe.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash behind every event's span id, one digest instance per thread (event ids:
 * {@link dev.troupe.events.DerivedIds}).
 */
final class Digests {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> instance("SHA-256"));

    private Digests() {}

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
