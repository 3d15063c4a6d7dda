package dev.golive.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/testbed as the bench tests drive it: the script itself, a command inside a bench, a shell line there. */
final class Testbed {
    private Testbed() { }

    /** {@code scripts/testbed WORDS...} (up, down, reboot, crash, boot), ten minutes at most. */
    static Run run(String... words) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Run.root().resolve("scripts/testbed").toString()));
        argv.addAll(List.of(words));
        return Run.run(argv, Duration.ofMinutes(10));
    }

    /** CMD as root inside the bench NAME, golive on its PATH. */
    static Run in(String name, String... cmd) throws Exception {
        List<String> w = new ArrayList<>(List.of("exec", name, "--"));
        w.addAll(List.of(cmd));
        return run(w.toArray(new String[0]));
    }

    /** A shell line inside the bench that must succeed; its output, stripped. */
    static String sh(String name, String script) throws Exception {
        Run r = in(name, "sh", "-c", script);
        assertThat(r.exit()).as(script + ": " + r.err()).isZero();
        return r.out().strip();
    }
}
