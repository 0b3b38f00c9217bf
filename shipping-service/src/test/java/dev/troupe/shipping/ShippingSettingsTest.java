package dev.troupe.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.runtime.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShippingSettingsTest {

    @Test
    void byDefaultShipsToTheEuGbUsAndCanadaButNeverAntarctica() {
        ShippingSettings settings = ShippingSettings.fromEnv(new Env(Map.of()));

        assertThat(settings.countries())
                .hasSize(30)
                .contains("DE", "FR", "GB", "US", "CA")
                .doesNotContain("AQ", "CH");
    }

    @Test
    void aCountryThatIsNotACodeStopsStartUp() {
        assertThatThrownBy(() -> ShippingSettings.fromEnv(new Env(Map.of("SHIPPING_COUNTRIES", "DE,Germany"))))
                .hasMessageContaining("SHIPPING_COUNTRIES");
    }
}
