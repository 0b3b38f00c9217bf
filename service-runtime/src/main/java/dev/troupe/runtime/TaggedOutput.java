package dev.troupe.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Writes the fields of a {@link TaggedCodec}: each a key (its tag and whether a number or bytes follow) and its value.
 * A null string or name is not written at all, so it reads back as the field's default.
 */
public final class TaggedOutput {
    static final int NUMBER = 0;
    static final int BYTES = 1;

    private byte[] bytes = new byte[512];
    private int size;

    TaggedOutput(byte first) {
        bytes[size++] = first;
    }

    public TaggedOutput number(int tag, long value) {
        key(tag, NUMBER);
        varint((value << 1) ^ (value >> 63));
        return this;
    }

    public TaggedOutput flag(int tag, boolean value) {
        return number(tag, value ? 1 : 0);
    }

    public TaggedOutput string(int tag, String value) {
        if (value != null) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            key(tag, BYTES);
            varint(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }
        return this;
    }

    public TaggedOutput name(int tag, Enum<?> value) {
        return string(tag, value == null ? null : value.name());
    }

    /** A value of several fields of its own, as one field. */
    public TaggedOutput nested(int tag, Consumer<TaggedOutput> fields) {
        key(tag, BYTES);
        int start = size;
        fields.accept(this);
        int length = size - start;
        // The length goes before the fields, and its own size is known only now.
        int lengthSize = varintSize(length);
        room(lengthSize);
        System.arraycopy(bytes, start, bytes, start + lengthSize, length);
        size = start;
        varint(length);
        size = start + lengthSize + length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void key(int tag, int kind) {
        if (tag < 1) {
            throw new IllegalArgumentException("A tag is 1 or more, not " + tag);
        }
        varint(((long) tag << 1) | kind);
    }

    private void varint(long value) {
        room(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    private static int varintSize(long value) {
        int n = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
