package dev.troupe.cli;

import java.io.PrintStream;

/** What runs where, as a table. */
final class StackTable {
    private StackTable() {}

    static void print(EmbeddedStack stack, PrintStream out) {
        out.printf("%-22s %-28s %8s  %s%n", "PROCESS", "ADDRESS", "PID", "LOG");
        for (EmbeddedStack.Member member : stack.members()) {
            out.printf(
                    "%-22s %-28s %8d  %s%n",
                    member.name(),
                    member.address(),
                    member.process().pid(),
                    member.process().log());
        }
    }
}
