package dev.troupe.shipping;

import dev.troupe.runtime.Env;
import dev.troupe.runtime.InvalidSettingException;
import dev.troupe.runtime.external.IdempotentLedger;
import dev.troupe.runtime.external.RetryPolicy;
import dev.troupe.runtime.external.SimulatedFaults;
import dev.troupe.shipping.carrier.Carrier;
import dev.troupe.shipping.carrier.SimulatedCarrier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shipping service's settings: {@code SHIPPING_COUNTRIES}, ISO 3166 alpha-2 codes, comma-separated
 * (default the EU, GB, US and CA); the simulated carrier's books {@code CARRIER_DIR} (default
 * {@code <tmp>/troupe/carrier}) and its faults {@code CARRIER_FAULT_RATE}, {@code CARRIER_LOST_ANSWER_RATE},
 * {@code CARRIER_LATENCY}; the {@code RETRY_*} policy for calls to it.
 */
public record ShippingSettings(Set<String> countries, Carrier carrier, RetryPolicy retryPolicy) {
    public static final String DEFAULT_COUNTRIES =
            "AT,BE,BG,HR,CY,CZ,DK,EE,FI,FR,DE,GR,HU,IE,IT,LV,LT,LU,MT,NL,PL,PT,RO,SK,SI,ES,SE,GB,US,CA";
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public static ShippingSettings fromEnv(Env env) {
        return new ShippingSettings(
                countries(env),
                new SimulatedCarrier(
                        new IdempotentLedger(Path.of(env.string(
                                "CARRIER_DIR",
                                Path.of(System.getProperty("java.io.tmpdir"), "troupe", "carrier")
                                        .toString()))),
                        SimulatedFaults.fromEnv(env, "CARRIER", "carrier")),
                RetryPolicy.fromEnv(env));
    }

    private static Set<String> countries(Env env) {
        String value = env.string("SHIPPING_COUNTRIES", DEFAULT_COUNTRIES);
        Set<String> countries = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (countries.isEmpty() || !ISO_COUNTRIES.containsAll(countries)) {
            throw new InvalidSettingException(
                    "SHIPPING_COUNTRIES", value, "ISO 3166 alpha-2 codes separated by commas");
        }
        return countries;
    }
}
