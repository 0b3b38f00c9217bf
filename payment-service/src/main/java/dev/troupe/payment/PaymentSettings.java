package dev.troupe.payment;

import dev.troupe.runtime.Env;

/** {@code PAYMENT_DEFAULT_CREDIT_CENTS}: the credit every customer starts with (default 100000 = 1,000.00). */
public record PaymentSettings(long defaultCreditCents) {
    public static PaymentSettings fromEnv(Env env) {
        return new PaymentSettings(env.longValue("PAYMENT_DEFAULT_CREDIT_CENTS", 100_000L, 0));
    }
}
