package dev.troupe.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stock each SKU starts with, read from a CSV of {@code sku,stock} lines ({@code #} starts a comment).
 * Every instance of the service must read the same catalog.
 */
public record Catalog(Map<String, Long> initialStock) {
    public static final String BUNDLED = "/inventory-catalog.csv";

    public Catalog {
        initialStock = Map.copyOf(initialStock);
    }

    public static Catalog bundled() {
        try (InputStream in = Catalog.class.getResourceAsStream(BUNDLED)) {
            return parse(in, "the bundled catalog");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalog fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog " + file, e);
        }
    }

    public Long stockOf(String sku) {
        return initialStock.get(sku);
    }

    private static Catalog parse(InputStream in, String name) throws IOException {
        Map<String, Long> stock = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split(",");
            try {
                long quantity = Long.parseLong(fields[1].strip());
                if (fields.length != 2 || fields[0].isBlank() || quantity < 0) {
                    throw new NumberFormatException();
                }
                stock.put(fields[0].strip(), quantity);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        name + " line " + number + ": expected 'sku,stock' with stock >= 0, got '" + text + "'");
            }
        }
        return new Catalog(stock);
    }
}
