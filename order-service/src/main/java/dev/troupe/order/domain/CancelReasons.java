package dev.troupe.order.domain;

/** The reason codes of order.cancelled (DESIGN §3). */
public final class CancelReasons {
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String SHIPPING_FAILED = "SHIPPING_FAILED";
    public static final String TIMED_OUT = "TIMED_OUT";
    public static final String INVALID_ORDER = "INVALID_ORDER";

    private CancelReasons() {}
}
