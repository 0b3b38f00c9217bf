package dev.troupe.payment;

import static dev.troupe.runtime.TaggedValues.readFromJson;
import static dev.troupe.runtime.TaggedValues.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.payment.domain.CreditCommand;
import dev.troupe.payment.domain.OrderRoute;
import dev.troupe.payment.domain.Payment;
import dev.troupe.payment.domain.PaymentStatus;
import dev.troupe.runtime.TaggedSerde;
import org.junit.jupiter.api.Test;

class PaymentCodecsTest {
    private final TaggedSerde<CreditCommand> commands =
            new TaggedSerde<>(CreditCommand.class, new CreditCommandCodec());
    private final TaggedSerde<Payment> payments = new TaggedSerde<>(Payment.class, new PaymentCodec());
    private final TaggedSerde<OrderRoute> routes = new TaggedSerde<>(OrderRoute.class, new OrderRouteCodec());

    @Test
    void aChargeAndAnUndoingReadBackAsSent() {
        CreditCommand charge = CreditCommand.charge("order-1", "customer-1", 12_345, "EUR", "event-1");
        CreditCommand undo = CreditCommand.undo("order-1", "customer-1", "OUT_OF_STOCK", "event-4");

        assertThat(roundTrip(commands, charge)).isEqualTo(charge);
        assertThat(roundTrip(commands, undo)).isEqualTo(undo);
    }

    @Test
    void aPaymentReadsBackWithEveryField() {
        Payment payment = refunding();
        assertThat(payment).hasNoNullFieldsOrProperties();

        assertThat(roundTrip(payments, payment)).usingRecursiveComparison().isEqualTo(payment);
    }

    @Test
    void aPaymentJustSeenReadsBackWithItsDefaults() {
        Payment payment = new Payment("order-1");

        Payment back = roundTrip(payments, payment);

        assertThat(back).usingRecursiveComparison().isEqualTo(payment);
        assertThat(back.status).isEqualTo(PaymentStatus.NONE);
    }

    @Test
    void aRouteReadsBackWithEveryField() {
        OrderRoute route = new OrderRoute("order-1");
        route.customerId = "customer-1";
        route.undoReason = "CANCELLED";
        OrderRoute unseen = new OrderRoute("order-2");

        assertThat(roundTrip(routes, route)).usingRecursiveComparison().isEqualTo(route);
        assertThat(roundTrip(routes, unseen)).usingRecursiveComparison().isEqualTo(unseen);
    }

    @Test
    void valuesWrittenAsJsonByAnEarlierVersionReadTheSame() {
        CreditCommand charge = CreditCommand.charge("order-1", "customer-1", 12_345, "EUR", "event-1");
        Payment payment = refunding();
        OrderRoute route = new OrderRoute("order-1");
        route.customerId = "customer-1";

        assertThat(readFromJson(commands, CreditCommand.class, charge)).isEqualTo(charge);
        assertThat(readFromJson(payments, Payment.class, payment))
                .usingRecursiveComparison()
                .isEqualTo(payment);
        assertThat(readFromJson(routes, OrderRoute.class, route))
                .usingRecursiveComparison()
                .isEqualTo(route);
    }

    private static Payment refunding() {
        Payment payment = new Payment("order-1");
        payment.customerId = "customer-1";
        payment.amountCents = 12_345;
        payment.currency = "EUR";
        payment.status = PaymentStatus.REFUNDING;
        payment.paymentId = "payment-1";
        payment.chargeCauseEventId = "event-1";
        payment.undoReason = "SHIPPING_FAILED";
        payment.undoEventId = "event-5";
        return payment;
    }
}
