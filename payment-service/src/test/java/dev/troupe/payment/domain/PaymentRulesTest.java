package dev.troupe.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentRulesTest {
    private static final CreditCommand CHARGE = CreditCommand.charge("order-1", "c1", 500, "EUR", "created-1");

    private final Payment payment = new Payment("order-1");

    @Test
    void holdsTheAmountOnTheCreditAndChargesTheGatewayOnce() {
        PaymentDecision first = PaymentRules.onChargeRequested(payment, CHARGE, 1_000, "pay-1");
        PaymentDecision again = PaymentRules.onChargeRequested(payment, CHARGE, 500, "pay-1");

        assertThat(first.creditChange()).isEqualTo(-500);
        assertThat(first.gatewayCall()).hasValue(PaymentDecision.GatewayCall.CHARGE);
        assertThat(first.publish()).isEmpty();
        assertThat(again).isEqualTo(PaymentDecision.NOTHING);
        assertThat(PaymentRules.onGatewayCharged(payment).publish()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(PaymentDecision.Kind.COMPLETED);
            assertThat(o.causeEventId()).isEqualTo("created-1");
        });
        assertThat(PaymentRules.onGatewayCharged(payment)).isEqualTo(PaymentDecision.NOTHING);
    }

    @Test
    void declinesAChargeAboveTheAvailableCreditWithoutTouchingItAndNeverRefundsIt() {
        PaymentDecision declined = PaymentRules.onChargeRequested(payment, CHARGE, 499, "pay-1");

        assertThat(declined.creditChange()).isZero();
        assertThat(declined.gatewayCall()).isEmpty();
        assertThat(declined.publish()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(PaymentDecision.Kind.FAILED);
            assertThat(o.reason()).isEqualTo("INSUFFICIENT_CREDIT");
            assertThat(o.message()).contains("500").contains("499");
        });
        assertThat(PaymentRules.onUndo(payment, "PAYMENT_DECLINED", "cancelled-1"))
                .isEqualTo(PaymentDecision.NOTHING);
    }

    @Test
    void aChargeOfExactlyTheAvailableCreditIsTaken() {
        assertThat(PaymentRules.onChargeRequested(payment, CHARGE, 500, "pay-1").creditChange())
                .isEqualTo(-500);
    }

    @Test
    void neverChargesAnOrderAlreadyUndone() {
        PaymentRules.onUndo(payment, "TIMED_OUT", "cancelled-1");

        assertThat(PaymentRules.onChargeRequested(payment, CHARGE, 1_000, "pay-1"))
                .isEqualTo(PaymentDecision.NOTHING);
        assertThat(payment.status).isEqualTo(PaymentStatus.NONE);
    }

    @Test
    void refundsOnceWhicheverUndoSignalComesFirstAndThenGivesTheCreditBack() {
        charge();

        PaymentDecision first = PaymentRules.onUndo(payment, "OUT_OF_STOCK", "failed-1");
        PaymentDecision second = PaymentRules.onUndo(payment, "OUT_OF_STOCK", "cancelled-1");

        assertThat(first.gatewayCall()).hasValue(PaymentDecision.GatewayCall.REFUND);
        assertThat(first.creditChange()).isZero();
        assertThat(second).isEqualTo(PaymentDecision.NOTHING);
        PaymentDecision refunded = PaymentRules.onGatewayRefunded(payment);
        assertThat(refunded.creditChange()).isEqualTo(500);
        assertThat(refunded.publish()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(PaymentDecision.Kind.REFUNDED);
            assertThat(o.reason()).isEqualTo("OUT_OF_STOCK");
            assertThat(o.causeEventId()).isEqualTo("failed-1");
        });
        assertThat(PaymentRules.onGatewayRefunded(payment)).isEqualTo(PaymentDecision.NOTHING);
        assertThat(payment.status).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aChargeThatLandsAtTheGatewayAfterTheCancellationIsPublishedAndRefunded() {
        PaymentRules.onChargeRequested(payment, CHARGE, 1_000, "pay-1");
        assertThat(PaymentRules.onUndo(payment, "TIMED_OUT", "cancelled-1")).isEqualTo(PaymentDecision.NOTHING);

        PaymentDecision charged = PaymentRules.onGatewayCharged(payment);

        assertThat(charged.publish()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(PaymentDecision.Kind.COMPLETED);
            assertThat(o.causeEventId()).isEqualTo("created-1");
        });
        assertThat(charged.gatewayCall()).hasValue(PaymentDecision.GatewayCall.REFUND);
    }

    @Test
    void aGatewayThatStaysDownFailsThePaymentAndGivesTheCreditBack() {
        PaymentRules.onChargeRequested(payment, CHARGE, 1_000, "pay-1");

        PaymentDecision gaveUp = PaymentRules.onGatewayChargeGaveUp(payment);

        assertThat(gaveUp.publish()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(PaymentDecision.Kind.FAILED);
            assertThat(o.reason()).isEqualTo("GATEWAY_UNAVAILABLE");
        });
        assertThat(gaveUp.creditChange()).isEqualTo(500);
        assertThat(PaymentRules.onGatewayCharged(payment)).isEqualTo(PaymentDecision.NOTHING);
        assertThat(PaymentRules.onUndo(payment, "PAYMENT_DECLINED", "cancelled-1"))
                .isEqualTo(PaymentDecision.NOTHING);
    }

    private void charge() {
        PaymentRules.onChargeRequested(payment, CHARGE, 1_000, "pay-1");
        PaymentRules.onGatewayCharged(payment);
    }
}
