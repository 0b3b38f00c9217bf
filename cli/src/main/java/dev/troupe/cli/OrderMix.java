package dev.troupe.cli;

import dev.troupe.cli.api.OrderClient.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random orders over the bundled catalog, for the generated loads of {@code load} and {@code chaos}. */
final class OrderMix {
    private OrderMix() {}

    /** One to three lines of SKU-001 … SKU-050, each 1..maxQuantity units at 5.00 plus up to priceSpreadCents. */
    static List<Line> lines(Random random, int maxQuantity, int priceSpreadCents) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            lines.add(new Line(
                    String.format("SKU-%03d", 1 + random.nextInt(50)),
                    1 + random.nextInt(maxQuantity),
                    500 + random.nextInt(priceSpreadCents)));
        }
        return lines;
    }
}
