package dev.troupe.order;

import dev.troupe.runtime.Env;
import java.time.Duration;

/** The order service's own settings. {@code ORDER_TIMEOUT}: how long an order may stay open (default PT60S). */
public record OrderSettings(Duration orderTimeout) {
    public static OrderSettings fromEnv(Env env) {
        return new OrderSettings(env.duration("ORDER_TIMEOUT", Duration.ofSeconds(60)));
    }
}
