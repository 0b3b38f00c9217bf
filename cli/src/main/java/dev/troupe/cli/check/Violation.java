package dev.troupe.cli.check;

/** One broken invariant of DESIGN §4, for one order (or SKU, or customer). */
public record Violation(String subject, String invariant, String detail) {
    @Override
    public String toString() {
        return subject + ": " + invariant + " — " + detail;
    }
}
