package dev.troupe.payment.domain;

/**
 * A customer's available credit: a charge above it is declined, a refund gives it back. Credit never goes
 * below zero.
 */
public final class CreditRules {
    private CreditRules() {}

    /** The result of a command, and the credit available after it. */
    public record Applied(CreditResult result, long availableAfter) {}

    public static Applied apply(long available, CreditCommand command) {
        return switch (command.kind()) {
            case CHARGE ->
                command.amountCents() <= available
                        ? new Applied(
                                result(command, CreditResult.Kind.CHARGED, null), available - command.amountCents())
                        : new Applied(
                                result(
                                        command,
                                        CreditResult.Kind.DECLINED,
                                        "charge of " + command.amountCents() + " exceeds the available credit of "
                                                + available),
                                available);
            case REFUND ->
                new Applied(result(command, CreditResult.Kind.REFUNDED, null), available + command.amountCents());
        };
    }

    private static CreditResult result(CreditCommand command, CreditResult.Kind kind, String message) {
        return new CreditResult(
                kind, command.orderId(), command.amountCents(), command.currency(), command.causeEventId(), message);
    }
}
