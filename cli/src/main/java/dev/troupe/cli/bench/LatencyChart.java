package dev.troupe.cli.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Latency against offered load, p50 and p99 of each workload, on a logarithmic latency axis: where a curve
 * turns up is the knee — the load past which waiting, not work, makes the latency.
 */
final class LatencyChart {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final Map<String, Color> COLORS =
            Map.of("limit", new Color(0x1f77b4), "troupe", new Color(0xd62728));

    /** One point: a workload's median p50 and p99 at an offered rate. */
    record Point(String workload, int rate, long p50, long p99) {}

    private LatencyChart() {}

    static void write(Path file, String title, List<Point> points) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        List<Integer> rates =
                points.stream().map(Point::rate).distinct().sorted().toList();
        int maxRate = rates.isEmpty() ? 1 : rates.get(rates.size() - 1);
        int minRate = rates.isEmpty() ? 1 : rates.get(0);
        long maxLatency =
                Math.max(10, points.stream().mapToLong(Point::p99).max().orElse(10));
        double logMax = Math.ceil(Math.log10(maxLatency));
        double logMin = Math.min(
                1,
                Math.floor(Math.log10(
                        Math.max(1, points.stream().mapToLong(Point::p50).min().orElse(10)))));
        Axes axes = new Axes(minRate, maxRate, rates, logMin, logMax);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        axes.draw(g);
        int legendY = TOP + 10;
        for (String workload : List.of("limit", "troupe")) {
            List<Point> series = points.stream()
                    .filter(p -> p.workload().equals(workload))
                    .sorted(java.util.Comparator.comparingInt(Point::rate))
                    .toList();
            if (series.isEmpty()) {
                continue;
            }
            Color color = COLORS.get(workload);
            line(g, axes, series, true, color, new BasicStroke(2.5f));
            line(g, axes, series, false, color, dashed());
            g.setColor(color);
            g.setStroke(new BasicStroke(2.5f));
            g.drawLine(WIDTH - RIGHT + 20, legendY, WIDTH - RIGHT + 50, legendY);
            g.drawString(workload + " p99", WIDTH - RIGHT + 58, legendY + 4);
            g.setStroke(dashed());
            g.drawLine(WIDTH - RIGHT + 20, legendY + 20, WIDTH - RIGHT + 50, legendY + 20);
            g.drawString(workload + " p50", WIDTH - RIGHT + 58, legendY + 24);
            legendY += 50;
        }
        g.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the chart " + file, e);
        }
    }

    private static Stroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f);
    }

    private static void line(Graphics2D g, Axes axes, List<Point> series, boolean p99, Color color, Stroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        int previousX = -1;
        int previousY = -1;
        for (Point point : series) {
            int x = axes.x(point.rate());
            int y = axes.y(p99 ? point.p99() : point.p50());
            g.fillOval(x - 3, y - 3, 7, 7);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
    }

    /** Offered load on a logarithmic axis too: the rates double from step to step. */
    private record Axes(int minRate, int maxRate, List<Integer> rates, double logMin, double logMax) {
        int x(int rate) {
            double span = Math.log(maxRate) - Math.log(minRate);
            double at = span == 0 ? 0.5 : (Math.log(rate) - Math.log(minRate)) / span;
            return LEFT + 20 + (int) ((WIDTH - LEFT - RIGHT - 40) * at);
        }

        int y(long millis) {
            double log = Math.log10(Math.max(1, millis));
            return HEIGHT - BOTTOM - (int) ((HEIGHT - TOP - BOTTOM) * (log - logMin) / (logMax - logMin));
        }

        void draw(Graphics2D g) {
            g.setColor(Color.BLACK);
            g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
            g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
            for (int rate : rates) {
                g.drawString(Integer.toString(rate), x(rate) - 10, HEIGHT - BOTTOM + 18);
            }
            g.drawString("offered load (orders/s)", LEFT + (WIDTH - LEFT - RIGHT) / 2 - 70, HEIGHT - 25);
            for (double exponent = logMin; exponent <= logMax; exponent++) {
                long millis = (long) Math.pow(10, exponent);
                int y = y(millis);
                g.setColor(new Color(0xdddddd));
                g.drawLine(LEFT + 1, y, WIDTH - RIGHT, y);
                g.setColor(Color.BLACK);
                g.drawString(millis + " ms", LEFT - 70, y + 4);
            }
            g.drawString("latency", 10, TOP - 10);
        }
    }
}
