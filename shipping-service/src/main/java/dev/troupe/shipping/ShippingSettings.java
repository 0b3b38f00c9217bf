package dev.troupe.shipping;

import dev.troupe.runtime.Env;
import dev.troupe.runtime.InvalidSettingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code SHIPPING_COUNTRIES}: ISO 3166 alpha-2 codes, comma-separated; default the EU, GB, US and CA. */
public record ShippingSettings(Set<String> countries) {
    public static final String DEFAULT_COUNTRIES =
            "AT,BE,BG,HR,CY,CZ,DK,EE,FI,FR,DE,GR,HU,IE,IT,LV,LT,LU,MT,NL,PL,PT,RO,SK,SI,ES,SE,GB,US,CA";
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public static ShippingSettings fromEnv(Env env) {
        String value = env.string("SHIPPING_COUNTRIES", DEFAULT_COUNTRIES);
        Set<String> countries = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (countries.isEmpty() || !ISO_COUNTRIES.containsAll(countries)) {
            throw new InvalidSettingException(
                    "SHIPPING_COUNTRIES", value, "ISO 3166 alpha-2 codes separated by commas");
        }
        return new ShippingSettings(countries);
    }
}
