package dev.troupe.runtime;

/**
 * How one kind of state value is written as tagged fields ({@link TaggedSerde}). A tag, once used, is that field's
 * for good: a field is added under a new tag and dropped by no longer writing it, so that state written by one
 * version of a service is read by the next and by the one before.
 */
public interface StateCodec<T> {
    void write(T value, TaggedOutput out);

    /** Sets what the fields say on a fresh value, leaving the defaults of fields not written. */
    T read(TaggedInput in);
}
