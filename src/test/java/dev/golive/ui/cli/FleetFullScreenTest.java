package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static dev.golive.ui.cli.FleetCommandsTest.web;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive --root DIR` where DIR holds captures, as typed at a shell where the test has no
 * terminal: the fleet review on plain lines (what the host picker shows); every other command
 * keeps refusing the directory as a root.
 */
class FleetFullScreenTest {

    private static ManifestFullScreenTest.Out golive(String... args) { return ManifestFullScreenTest.golive(args); } // the same shell as the manifest tests

    @Test
    void withoutATerminalTheFleetReviewIsPrintedAsReportFleetPrintsIt() {
        ManifestFullScreenTest.Out r = golive("--root", web(), "--no-color");
        assertThat(r.err()).isEqualTo("golive: the full-screen UI needs a terminal (stdin or stdout is not a tty); "
                + "printing the fleet review on plain lines instead (golive report --fleet " + web() + ")\n");
        assertThat(r.code()).isZero();
        ManifestFullScreenTest.Out report = golive("report", "--fleet", web(), "--no-color");
        String stamp = "Generated [^ ]+ by golive [^ ]+\\.";
        assertThat(r.out().replaceAll(stamp, "Generated …")).isEqualTo(report.out().replaceAll(stamp, "Generated …"));
        assertThat(r.out()).startsWith("golive fleet review: " + web() + "\n4 hosts read.");
    }

    @Test
    void theServiceIsComparedTooAndOptionsAReportCannotHonourAreRefused() {
        ManifestFullScreenTest.Out r = golive("--root", web(), "--service", "api", "--no-color");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("service LimitNOFILE");
        ManifestFullScreenTest.Out m = golive("--root", web(), "--manifest", "src/test/resources/manifests/traps");
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).endsWith("golive: --fleet reviews hosts, --manifest reviews files: give one of them\n");
    }

    @Test
    void theGuideAndEveryCommandStillRefuseAFleetAsARoot() {
        String refusal = "golive: " + web() + ": a directory of captures (a fleet), not one host: review it with "
                + "`golive report --fleet DIR` or `golive diff DIR`, or give --root one capture in it\n";
        for (String[] args : new String[][] {{"guide", "--root", web()}, {"check", "--root", web()}, {"--root", web(), "plan", "--profile", "web-api"}}) {
            ManifestFullScreenTest.Out r = golive(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).isEqualTo(refusal);
        }
    }
}
