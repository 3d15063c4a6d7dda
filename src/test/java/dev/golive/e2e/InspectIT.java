package dev.golive.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's commands, run as a user would: through scripts/golive on this machine,
 * after `mvn package` (failsafe runs these after the jar exists).
 */
class InspectIT {

    @Test
    void inspectPrintsEveryAreaWithSources() throws Exception {
        Run r = Run.golive("inspect");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("System", "CPU", "Memory", "File descriptors", "Network", "cgroups", "systemd", "Go toolchain");
        assertThat(r.out()).containsPattern("kernel\\s+\\S+\\s+/proc/sys/kernel/osrelease");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void inspectJsonIsTheStableSchema() throws Exception {
        Run r = Run.golive("inspect", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"schema\" : 1", "\"kernelRelease\"", "\"sysctls\"");
    }

    @Test
    void captureToTarGzThenInspectItElsewhereRunsNoCommand(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path archive = tmp.resolve("host.tar.gz");
        Run c = Run.golive("capture", "-o", archive.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).startsWith("captured ");
        assertThat(Files.size(archive)).isGreaterThan(1000);
        Run live = Run.golive("inspect", "--json");
        Run fromCapture = Run.golive("inspect", "--json", "--root", archive.toString());
        assertThat(fromCapture.exit()).as(fromCapture.err()).isZero();
        assertThat(fromCapture.out()).contains("\"live\" : false");
        // the same kernel and cgroup mode read back from the archive
        assertThat(field(fromCapture.out(), "kernelRelease")).isEqualTo(field(live.out(), "kernelRelease"));
        assertThat(field(fromCapture.out(), "mode")).isEqualTo(field(live.out(), "mode"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Run r = Run.golive("inspect", "--root", "/nonexistent/capture.tar.gz");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("golive: /nonexistent/capture.tar.gz: no such file or directory");
        Run u = Run.golive("inspect", "--bogus");
        assertThat(u.exit()).isEqualTo(2);
        assertThat(u.err().strip().lines()).hasSize(1);
    }

    @Test
    void versionHelpManPageAndCompletionExist() throws Exception {
        assertThat(Run.golive("--version").out()).startsWith("golive ");
        Run help = Run.golive("--help");
        assertThat(help.out()).contains("Usage: golive", "inspect", "capture", "Exit codes:");
        assertThat(Run.root().resolve("build/completion/golive.bash")).exists();
        assertThat(Run.root().resolve("build/man/golive.adoc")).exists();
        if (Run.hasCommand("asciidoctor")) {
            assertThat(Files.readString(Run.root().resolve("build/man/golive.1"))).contains(".TH \"GOLIVE\"");
        }
    }

    /** The value of the first "name" : { "value" : "…" } in golive's JSON. */
    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\"");
        int v = json.indexOf("\"value\" : ", i);
        int end = json.indexOf('\n', v);
        return json.substring(v, end);
    }
}
