package dev.troupe.cli;

/** What runs where, as a table. */
public final class StackTable {
    private static final String ROW = "%-22s %-28s %8s  %s%n";

    private StackTable() {}

    public static String of(EmbeddedStack stack) {
        StringBuilder table = new StringBuilder(String.format(ROW, "PROCESS", "ADDRESS", "PID", "LOG"));
        for (EmbeddedStack.Member member : stack.members()) {
            table.append(String.format(
                    ROW,
                    member.name(),
                    member.address(),
                    member.process().pid(),
                    member.process().log()));
        }
        return table.toString();
    }
}
