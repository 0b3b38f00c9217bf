package dev.troupe.runtime;

/**
 * How one kind of value — a state value or an internal command — is written as tagged fields ({@link TaggedSerde}).
 * A tag, once used, is that field's for good: a field is added under a new tag and dropped by no longer writing it,
 * so that what one version of a service wrote is read by the next and by the one before.
 */
public interface TaggedCodec<T> {
    void write(T value, TaggedOutput out);

    /** Sets what the fields say on a fresh value, leaving the defaults of fields not written. */
    T read(TaggedInput in);
}
