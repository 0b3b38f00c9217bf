package dev.troupe.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids derived from what they stand for — an event from its cause, a payment, a reservation or a shipment from its
 * order — so that a replayed or repeated step gives the same id, and a duplicate is recognisable downstream.
 */
public final class DerivedIds {
    private DerivedIds() {}

    /** The name-based (version 3) UUID of {@code basis|purpose}, as every id troupe has stored was made. */
    public static UUID of(String basis, String purpose) {
        return UUID.nameUUIDFromBytes((basis + "|" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
