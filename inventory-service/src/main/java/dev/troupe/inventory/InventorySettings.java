package dev.troupe.inventory;

import dev.troupe.runtime.Env;
import java.nio.file.Path;

/** {@code INVENTORY_CATALOG}: a CSV of {@code sku,stock}; default the bundled SKU-001 … SKU-050. */
public record InventorySettings(Catalog catalog) {
    public static InventorySettings fromEnv(Env env) {
        String path = env.string("INVENTORY_CATALOG", "");
        return new InventorySettings(path.isEmpty() ? Catalog.bundled() : Catalog.fromFile(Path.of(path)));
    }
}
