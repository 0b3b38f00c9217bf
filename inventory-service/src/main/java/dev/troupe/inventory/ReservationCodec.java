package dev.troupe.inventory;

import dev.troupe.inventory.domain.Reservation;
import dev.troupe.inventory.domain.ReservationStatus;
import dev.troupe.inventory.domain.StockResult;
import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;
import java.util.Map;
import java.util.TreeMap;

/** A reservation as tagged fields: read and written on the order's events and on every SKU's answer. */
final class ReservationCodec implements TaggedCodec<Reservation> {
    // The tags are the stored format: never renumber one or give it to another field.
    private static final int ORDER_ID = 1;
    /** Written whenever the items are known, even none, since "not yet known" is a state of its own. */
    private static final int ITEMS = 2;

    private static final int PAID_EVENT_ID = 3;
    private static final int STATUS = 4;
    /** One field per SKU's answer. */
    private static final int ANSWER = 5;
    /** SKUs still giving their stock back, all in one field. */
    private static final int RELEASING = 6;

    private static final int RESERVED_PUBLISHED = 7;
    private static final int UNDO_REASON = 8;
    private static final int UNDO_EVENT_ID = 9;

    private static final int SKU = 1;
    private static final int QUANTITY = 2;

    /** A quantity per SKU, as one field of one nested field per SKU. */
    private static final int QUANTITY_OF_SKU = 1;

    private final StockResultCodec stockResults = new StockResultCodec();

    @Override
    public void write(Reservation reservation, TaggedOutput out) {
        out.string(ORDER_ID, reservation.orderId);
        if (reservation.items != null) {
            out.nested(ITEMS, fields -> quantities(reservation.items, fields));
        }
        out.string(PAID_EVENT_ID, reservation.paidEventId).name(STATUS, reservation.status);
        for (StockResult answer : reservation.answers.values()) {
            out.nested(ANSWER, fields -> stockResults.write(answer, fields));
        }
        out.nested(RELEASING, fields -> quantities(reservation.releasing, fields))
                .flag(RESERVED_PUBLISHED, reservation.reservedPublished)
                .string(UNDO_REASON, reservation.undoReason)
                .string(UNDO_EVENT_ID, reservation.undoEventId);
    }

    @Override
    public Reservation read(TaggedInput in) {
        Reservation reservation = new Reservation();
        while (in.next()) {
            switch (in.tag()) {
                case ORDER_ID -> reservation.orderId = in.string();
                case ITEMS -> reservation.items = quantities(in.nested());
                case PAID_EVENT_ID -> reservation.paidEventId = in.string();
                case STATUS -> reservation.status = in.name(ReservationStatus.class);
                case ANSWER -> {
                    StockResult answer = stockResults.read(in.nested());
                    reservation.answers.put(answer.sku(), answer);
                }
                case RELEASING -> reservation.releasing = quantities(in.nested());
                case RESERVED_PUBLISHED -> reservation.reservedPublished = in.flag();
                case UNDO_REASON -> reservation.undoReason = in.string();
                case UNDO_EVENT_ID -> reservation.undoEventId = in.string();
                default -> in.skip();
            }
        }
        return reservation;
    }

    private static void quantities(Map<String, Integer> bySku, TaggedOutput out) {
        bySku.forEach((sku, quantity) ->
                out.nested(QUANTITY_OF_SKU, fields -> fields.string(SKU, sku).number(QUANTITY, quantity)));
    }

    private static Map<String, Integer> quantities(TaggedInput in) {
        Map<String, Integer> bySku = new TreeMap<>();
        while (in.next()) {
            if (in.tag() != QUANTITY_OF_SKU) {
                in.skip();
                continue;
            }
            TaggedInput fields = in.nested();
            String sku = null;
            int quantity = 0;
            while (fields.next()) {
                switch (fields.tag()) {
                    case SKU -> sku = fields.string();
                    case QUANTITY -> quantity = fields.integer();
                    default -> fields.skip();
                }
            }
            bySku.put(sku, quantity);
        }
        return bySku;
    }
}
