package dev.troupe.payment;

import dev.troupe.payment.domain.OrderRoute;
import dev.troupe.runtime.TaggedCodec;
import dev.troupe.runtime.TaggedInput;
import dev.troupe.runtime.TaggedOutput;

/** An order's route to its customer's credit as tagged fields. */
final class OrderRouteCodec implements TaggedCodec<OrderRoute> {
    // The tags are the stored format: never renumber one or give it to another field.
    private static final int ORDER_ID = 1;
    private static final int CUSTOMER_ID = 2;
    private static final int UNDO_REASON = 3;

    @Override
    public void write(OrderRoute route, TaggedOutput out) {
        out.string(ORDER_ID, route.orderId)
                .string(CUSTOMER_ID, route.customerId)
                .string(UNDO_REASON, route.undoReason);
    }

    @Override
    public OrderRoute read(TaggedInput in) {
        OrderRoute route = new OrderRoute();
        while (in.next()) {
            switch (in.tag()) {
                case ORDER_ID -> route.orderId = in.string();
                case CUSTOMER_ID -> route.customerId = in.string();
                case UNDO_REASON -> route.undoReason = in.string();
                default -> in.skip();
            }
        }
        return route;
    }
}
