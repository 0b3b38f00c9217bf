package dev.troupe.payment;

import dev.troupe.payment.gateway.PaymentGateway;
import dev.troupe.payment.gateway.SimulatedPaymentGateway;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.external.IdempotentLedger;
import dev.troupe.runtime.external.RetryPolicy;
import dev.troupe.runtime.external.SimulatedFaults;
import java.nio.file.Path;

/**
 * The payment service's settings: {@code PAYMENT_DEFAULT_CREDIT_CENTS}, the credit every customer starts with
 * (default 100000 = 1,000.00); the simulated gateway's books {@code PAYMENT_GATEWAY_DIR} (default
 * {@code <tmp>/troupe/payment-gateway}) and its faults {@code PAYMENT_GATEWAY_FAULT_RATE},
 * {@code PAYMENT_GATEWAY_LOST_ANSWER_RATE}, {@code PAYMENT_GATEWAY_LATENCY}; the {@code RETRY_*} policy for calls
 * to it.
 */
public record PaymentSettings(long defaultCreditCents, PaymentGateway gateway, RetryPolicy retryPolicy) {
    public static PaymentSettings fromEnv(Env env) {
        return new PaymentSettings(
                env.longValue("PAYMENT_DEFAULT_CREDIT_CENTS", 100_000L, 0),
                new SimulatedPaymentGateway(
                        new IdempotentLedger(Path.of(env.string(
                                "PAYMENT_GATEWAY_DIR",
                                Path.of(System.getProperty("java.io.tmpdir"), "troupe", "payment-gateway")
                                        .toString()))),
                        SimulatedFaults.fromEnv(env, "PAYMENT_GATEWAY", "payment-gateway")),
                RetryPolicy.fromEnv(env));
    }
}
