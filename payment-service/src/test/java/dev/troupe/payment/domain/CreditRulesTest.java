package dev.troupe.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditRulesTest {

    @Test
    void aChargeWithinTheCreditIsTakenFromIt() {
        CreditRules.Applied applied = CreditRules.apply(1_000, charge(1_000));

        assertThat(applied.result().kind()).isEqualTo(CreditResult.Kind.CHARGED);
        assertThat(applied.availableAfter()).isZero();
    }

    @Test
    void aChargeAboveTheCreditIsDeclinedAndChangesNothing() {
        CreditRules.Applied applied = CreditRules.apply(1_000, charge(1_001));

        assertThat(applied.result().kind()).isEqualTo(CreditResult.Kind.DECLINED);
        assertThat(applied.result().message()).contains("1001", "1000");
        assertThat(applied.availableAfter()).isEqualTo(1_000);
    }

    @Test
    void aRefundGivesTheCreditBack() {
        CreditRules.Applied applied =
                CreditRules.apply(0, new CreditCommand(CreditCommand.Kind.REFUND, "o", "c", 700, "EUR", "cause"));

        assertThat(applied.result().kind()).isEqualTo(CreditResult.Kind.REFUNDED);
        assertThat(applied.availableAfter()).isEqualTo(700);
    }

    private static CreditCommand charge(long cents) {
        return new CreditCommand(CreditCommand.Kind.CHARGE, "o", "c", cents, "EUR", "cause");
    }
}
