package dev.troupe.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields {@link TaggedOutput} wrote, one {@link #next()} at a time; a field the reader does not know (one
 * a newer version added) is passed over with {@link #skip()}.
 */
public final class TaggedInput {
    private final byte[] bytes;
    private final int end;
    private int position;
    private int tag;
    private int kind;

    TaggedInput(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    /** Moves to the next field; false when there is none. */
    public boolean next() {
        if (position >= end) {
            return false;
        }
        long key = varint();
        tag = (int) (key >>> 1);
        kind = (int) (key & 1);
        return true;
    }

    public int tag() {
        return tag;
    }

    public long number() {
        expect(TaggedOutput.NUMBER);
        long zigzag = varint();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    public int integer() {
        return Math.toIntExact(number());
    }

    public boolean flag() {
        return number() != 0;
    }

    public String string() {
        int length = length();
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    public <E extends Enum<E>> E name(Class<E> type) {
        String name = string();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("field " + tag + ": " + name + " is no " + type.getSimpleName(), e);
        }
    }

    public TaggedInput nested() {
        int length = length();
        TaggedInput fields = new TaggedInput(bytes, position, position + length);
        position += length;
        return fields;
    }

    public void skip() {
        if (kind == TaggedOutput.NUMBER) {
            varint();
        } else {
            int length = length(); // read first: it moves the position past the length itself
            position += length;
        }
    }

    private int length() {
        expect(TaggedOutput.BYTES);
        long length = varint();
        if (length > end - position) {
            throw new IllegalStateException("field " + tag + " runs past the end of the value");
        }
        return (int) length;
    }

    private void expect(int wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(
                    "field " + tag + " holds " + (kind == TaggedOutput.NUMBER ? "a number" : "bytes") + ", not "
                            + (wanted == TaggedOutput.NUMBER ? "a number" : "bytes"));
        }
    }

    private long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new IllegalStateException("the value ends inside field " + tag);
            }
            byte b = bytes[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("field " + tag + " has a number longer than 64 bits");
    }
}
