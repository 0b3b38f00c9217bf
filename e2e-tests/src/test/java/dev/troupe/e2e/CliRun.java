package dev.troupe.e2e;

import dev.troupe.cli.Troupe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** A {@code troupe} command run in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String bootstrap, String registry, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--bootstrap-server")) {
            all.add("--bootstrap-server=" + bootstrap);
            all.add("--schema-registry=" + registry);
        }
        return raw(all.toArray(String[]::new));
    }

    static CliRun raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Troupe.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.lines().toList();
    }
}
