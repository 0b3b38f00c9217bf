package dev.troupe.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentRulesTest {
    private final Payment payment = new Payment("order-1");

    @Test
    void chargesOnceWhenTheOrderIsCreated() {
        PaymentDecision first = PaymentRules.onOrderCreated(payment, "c1", 500, "EUR", "created-1");
        PaymentDecision again = PaymentRules.onOrderCreated(payment, "c1", 500, "EUR", "created-1");

        assertThat(first.command()).hasValueSatisfying(command -> {
            assertThat(command.kind()).isEqualTo(CreditCommand.Kind.CHARGE);
            assertThat(command.customerId()).isEqualTo("c1");
            assertThat(command.amountCents()).isEqualTo(500);
        });
        assertThat(again).isEqualTo(PaymentDecision.NOTHING);
    }

    @Test
    void neverChargesAnOrderAlreadySeenAsCancelled() {
        PaymentRules.onUndo(payment, "TIMED_OUT", "cancelled-1");

        assertThat(PaymentRules.onOrderCreated(payment, "c1", 500, "EUR", "created-1"))
                .isEqualTo(PaymentDecision.NOTHING);
        assertThat(payment.status).isEqualTo(PaymentStatus.NONE);
    }

    @Test
    void refundsOnceWhicheverUndoSignalComesFirstAtTheGatewayAndThenOnTheCredit() {
        charge();

        PaymentDecision first = PaymentRules.onUndo(payment, "OUT_OF_STOCK", "failed-1");
        PaymentDecision second = PaymentRules.onUndo(payment, "OUT_OF_STOCK", "cancelled-1");

        assertThat(first.gatewayCall()).hasValue(PaymentDecision.GatewayCall.REFUND);
        assertThat(second).isEqualTo(PaymentDecision.NOTHING);
        assertThat(PaymentRules.onGatewayRefunded(payment).command()).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(CreditCommand.Kind.REFUND);
            assertThat(c.causeEventId()).isEqualTo("failed-1");
        });
        assertThat(PaymentRules.onGatewayRefunded(payment)).isEqualTo(PaymentDecision.NOTHING);
        PaymentDecision refunded =
                PaymentRules.onCreditResult(payment, result(CreditResult.Kind.REFUNDED, "failed-1"), "pay-1");
        assertThat(refunded.publish()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(PaymentDecision.Kind.REFUNDED);
            assertThat(o.reason()).isEqualTo("OUT_OF_STOCK");
        });
        assertThat(payment.status).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void anOrderCancelledBeforeTheGatewayIsAskedIsNeverChargedAndItsCreditGivenBack() {
        PaymentRules.onOrderCreated(payment, "c1", 500, "EUR", "created-1");
        assertThat(PaymentRules.onUndo(payment, "TIMED_OUT", "cancelled-1")).isEqualTo(PaymentDecision.NOTHING);

        PaymentDecision held =
                PaymentRules.onCreditResult(payment, result(CreditResult.Kind.CHARGED, "created-1"), "pay-1");

        assertThat(held.gatewayCall()).isEmpty();
        assertThat(held.publish()).isEmpty();
        assertThat(held.command()).hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(CreditCommand.Kind.REFUND));
        assertThat(PaymentRules.onCreditResult(payment, result(CreditResult.Kind.REFUNDED, "cancelled-1"), "pay-1"))
                .isEqualTo(PaymentDecision.NOTHING);
        assertThat(payment.status).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void aChargeThatLandsAtTheGatewayAfterTheCancellationIsPublishedAndRefunded() {
        PaymentRules.onOrderCreated(payment, "c1", 500, "EUR", "created-1");
        PaymentRules.onCreditResult(payment, result(CreditResult.Kind.CHARGED, "created-1"), "pay-1");
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
        PaymentRules.onOrderCreated(payment, "c1", 500, "EUR", "created-1");
        PaymentRules.onCreditResult(payment, result(CreditResult.Kind.CHARGED, "created-1"), "pay-1");

        PaymentDecision gaveUp = PaymentRules.onGatewayChargeGaveUp(payment, "timeout");

        assertThat(gaveUp.publish()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(PaymentDecision.Kind.FAILED);
            assertThat(o.reason()).isEqualTo("GATEWAY_UNAVAILABLE");
        });
        assertThat(gaveUp.command())
                .hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(CreditCommand.Kind.REFUND));
        assertThat(PaymentRules.onGatewayCharged(payment)).isEqualTo(PaymentDecision.NOTHING);
        assertThat(PaymentRules.onUndo(payment, "PAYMENT_DECLINED", "cancelled-1"))
                .isEqualTo(PaymentDecision.NOTHING);
    }

    @Test
    void aDeclinedChargeIsNeverRefunded() {
        PaymentRules.onOrderCreated(payment, "c1", 500, "EUR", "created-1");
        PaymentDecision declined =
                PaymentRules.onCreditResult(payment, result(CreditResult.Kind.DECLINED, "created-1"), "pay-1");

        assertThat(declined.publish())
                .hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(PaymentDecision.Kind.FAILED));
        assertThat(PaymentRules.onUndo(payment, "PAYMENT_DECLINED", "cancelled-1"))
                .isEqualTo(PaymentDecision.NOTHING);
    }

    private void charge() {
        PaymentRules.onOrderCreated(payment, "c1", 500, "EUR", "created-1");
        PaymentRules.onCreditResult(payment, result(CreditResult.Kind.CHARGED, "created-1"), "pay-1");
        PaymentRules.onGatewayCharged(payment);
    }

    private static CreditResult result(CreditResult.Kind kind, String cause) {
        return new CreditResult(kind, "order-1", 500, "EUR", cause, null);
    }
}
