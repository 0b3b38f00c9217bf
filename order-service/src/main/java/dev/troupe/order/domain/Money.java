package dev.troupe.order.domain;

/** Minor units shown as an amount: 7499 EUR is "74.99 EUR". */
public final class Money {
    private Money() {}

    public static String format(long minorUnits, String currency) {
        return String.format("%d.%02d %s", minorUnits / 100, Math.abs(minorUnits % 100), currency);
    }
}
