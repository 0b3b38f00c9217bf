package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TaggedSerdeTest {
    public enum Colour {
        RED,
        GREEN
    }

    /** A state value with a field of each kind. */
    public static final class Parcel {
        public String label;
        public long weight;
        public boolean fragile;
        public Colour colour = Colour.RED;
        public List<String> stops = new ArrayList<>();
    }

    private static final class ParcelCodec implements TaggedCodec<Parcel> {
        @Override
        public void write(Parcel parcel, TaggedOutput out) {
            out.string(1, parcel.label)
                    .number(2, parcel.weight)
                    .flag(3, parcel.fragile)
                    .name(4, parcel.colour);
            parcel.stops.forEach(stop -> out.nested(5, fields -> fields.string(1, stop)));
        }

        @Override
        public Parcel read(TaggedInput in) {
            Parcel parcel = new Parcel();
            while (in.next()) {
                switch (in.tag()) {
                    case 1 -> parcel.label = in.string();
                    case 2 -> parcel.weight = in.number();
                    case 3 -> parcel.fragile = in.flag();
                    case 4 -> parcel.colour = in.name(Colour.class);
                    case 5 -> {
                        TaggedInput fields = in.nested();
                        while (fields.next()) {
                            parcel.stops.add(fields.string());
                        }
                    }
                    default -> in.skip();
                }
            }
            return parcel;
        }
    }

    /** The codec of a later version, with a field the earlier one does not know. */
    private static final class ParcelWithInsurance implements TaggedCodec<Parcel> {
        @Override
        public void write(Parcel parcel, TaggedOutput out) {
            out.number(9, 50_000).nested(10, fields -> fields.string(1, "AXA").number(2, -1));
            new ParcelCodec().write(parcel, out);
        }

        @Override
        public Parcel read(TaggedInput in) {
            throw new UnsupportedOperationException();
        }
    }

    private final TaggedSerde<Parcel> serde = new TaggedSerde<>(Parcel.class, new ParcelCodec());

    @Test
    void everyKindOfFieldReadsBackAsItWasWritten() {
        Parcel parcel = parcel();

        Parcel back = roundTrip(serde, parcel);

        assertThat(back).usingRecursiveComparison().isEqualTo(parcel);
    }

    @Test
    void numbersOfEverySizeAndSignReadBack() {
        for (long weight : new long[] {0, 1, -1, 63, -64, 1 << 20, Long.MAX_VALUE, Long.MIN_VALUE}) {
            Parcel parcel = parcel();
            parcel.weight = weight;

            assertThat(roundTrip(serde, parcel).weight).isEqualTo(weight);
        }
    }

    @Test
    void aFieldLeftOutReadsAsItsDefault() {
        Parcel parcel = new Parcel();
        parcel.label = null;

        Parcel back = roundTrip(serde, parcel);

        assertThat(back.label).isNull();
        assertThat(back.colour).isEqualTo(Colour.RED);
        assertThat(back.stops).isEmpty();
    }

    @Test
    void aNestedFieldLongerThanAByteOfLengthReadsBack() {
        Parcel parcel = parcel();
        parcel.stops = List.of("x".repeat(300), "y".repeat(20_000));

        assertThat(roundTrip(serde, parcel).stops).isEqualTo(parcel.stops);
    }

    @Test
    void fieldsAddedByALaterVersionArePassedOver() {
        byte[] later = new TaggedSerde<>(Parcel.class, new ParcelWithInsurance())
                .serializer()
                .serialize("t", parcel());

        Parcel back = serde.deserializer().deserialize("t", later);

        assertThat(back).usingRecursiveComparison().isEqualTo(parcel());
    }

    @Test
    void stateWrittenAsJsonByAnEarlierVersionIsStillRead() {
        byte[] json = new JsonSerde<>(Parcel.class).serializer().serialize("t", parcel());

        Parcel back = serde.deserializer().deserialize("t", json);

        assertThat(back).usingRecursiveComparison().isEqualTo(parcel());
    }

    @Test
    void aValueInNeitherFormatIsAnErrorThatNamesTheTypeAndTopic() {
        byte[] text = "parcel".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("parcels-changelog", text))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Parcel")
                .hasMessageContaining("parcels-changelog");
    }

    @Test
    void aCutShortValueIsAnErrorNotAPartialValue() {
        byte[] whole = serde.serializer().serialize("t", parcel());
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot read Parcel from t");
    }

    @Test
    void aNameTheEnumDoesNotHaveIsAnError() {
        byte[] bytes = new TaggedSerde<Parcel>(Parcel.class, new TaggedCodec<>() {
                    @Override
                    public void write(Parcel value, TaggedOutput out) {
                        out.string(4, "BLUE");
                    }

                    @Override
                    public Parcel read(TaggedInput in) {
                        throw new UnsupportedOperationException();
                    }
                })
                .serializer()
                .serialize("t", new Parcel());

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("BLUE is no Colour");
    }

    private static Parcel parcel() {
        Parcel parcel = new Parcel();
        parcel.label = "fragile — handle with care ✓";
        parcel.weight = 1_765_000_000_123L;
        parcel.fragile = true;
        parcel.colour = Colour.GREEN;
        parcel.stops = new ArrayList<>(List.of("Hamburg", "Zürich"));
        return parcel;
    }

    private static Parcel roundTrip(TaggedSerde<Parcel> serde, Parcel parcel) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", parcel));
    }
}
