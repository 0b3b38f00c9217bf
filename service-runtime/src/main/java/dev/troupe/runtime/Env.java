package dev.troupe.runtime;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed reads of environment variables with defaults. A value that is present but unusable throws an
 * {@link InvalidSettingException} naming the variable, so a service never starts on a misread setting.
 */
public final class Env {
    private final Map<String, String> variables;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** Every variable asked for so far: what a service reads, for checking a deployment's settings against. */
    public Set<String> namesRead() {
        return Set.copyOf(read);
    }

    private String raw(String name) {
        read.add(name);
        return variables.get(name);
    }

    public String string(String name, String fallback) {
        String value = raw(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = raw(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, value, "an integer from " + min + " to " + max);
    }

    public long longValue(String name, long fallback, long min) {
        String value = raw(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, value, "an integer of at least " + min);
    }

    /** An ISO-8601 duration such as {@code PT60S}; must be positive. */
    public Duration duration(String name, Duration fallback) {
        return duration(name, fallback, false);
    }

    /** An ISO-8601 duration that may be zero ({@code PT0S}: not at all). */
    public Duration durationOrZero(String name, Duration fallback) {
        return duration(name, fallback, true);
    }

    private Duration duration(String name, Duration fallback, boolean zeroAllowed) {
        String value = raw(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.trim());
            if (!parsed.isNegative() && (zeroAllowed || !parsed.isZero())) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidSettingException(
                name,
                value,
                (zeroAllowed ? "an ISO-8601 duration of zero or more" : "a positive ISO-8601 duration")
                        + " such as PT60S");
    }

    /** A fraction from 0 to 1, such as a fault rate. */
    public double fraction(String name, double fallback) {
        String value = raw(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, value, "a number from 0 to 1");
    }

    /** One or more comma-separated http(s) URLs. */
    public String urls(String name, String fallback) {
        String value = string(name, fallback);
        for (String url : value.split(",")) {
            try {
                URI uri = URI.create(url.trim());
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    continue;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new InvalidSettingException(name, value, "http(s) URLs separated by commas");
        }
        return value;
    }

    /** Comma-separated host:port pairs, as Kafka's bootstrap.servers. */
    public String hostPorts(String name, String fallback) {
        String value = string(name, fallback);
        for (String hostPort : value.split(",")) {
            String[] parts = hostPort.trim().split(":");
            boolean valid = parts.length == 2 && !parts[0].isBlank() && parts[1].matches("\\d{1,5}");
            if (!valid) {
                throw new InvalidSettingException(name, value, "host:port pairs separated by commas");
            }
        }
        return value;
    }
}
