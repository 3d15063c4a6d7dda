package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.golive.ui.cli.ReportAndDiffCommandTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/** `golive report --fleet DIR` and `golive diff` of many hosts as typed at a shell, on the web fleet fixture. */
class FleetCommandsTest {

    static String web(String... below) {
        Path p = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/fleets/web");
        for (String b : below) p = p.resolve(b);
        return p.toString();
    }

    @Test
    void reportFleetPrintsTextByDefault() {
        var r = golive("report", "--fleet", web(), "--no-color");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("golive fleet review: " + web() + "\n4 hosts read. Generated ")
                .contains("\nAt a glance\n  kernel ", "\nFindings by host ", "\nValues that differ (4)\n")
                .endsWith("\ndrift: 4 values differ, 2 rules fire on some hosts only\n");
        assertThat(r.err()).isEmpty();
    }

    /** The README's fleet report is this run's output (the generation time and version aside); -Dgolive.updateGoldens=true copies it in. */
    @Test
    void theReadmeShowsWhatTheFleetReportPrints() throws Exception {
        var r = golive("report", "--fleet", "src/test/resources/fleets/web", "--service", "api", "--no-color");
        assertThat(r.code()).as(r.err()).isZero();
        Path readme = Path.of(System.getProperty("basedir", ".")).resolve("README.md");
        String text = Files.readString(readme);
        String lead = "The web fleet fixture (`src/test/resources/fleets/web`), reviewed:\n\n```text\n";
        int from = text.indexOf(lead);
        assertThat(from).as("the README's fleet report").isPositive();
        int start = from + lead.length();
        int end = text.indexOf("```\n", start);
        String shown = text.substring(start, end);
        String stamp = "Generated [^ ]+ by golive [^ ]+\\.";
        if (Boolean.getBoolean("golive.updateGoldens")) {
            Files.writeString(readme, text.substring(0, start) + r.out() + text.substring(end));
            return;
        }
        assertThat(shown.replaceAll(stamp, "Generated …")).as("README fleet report (-Dgolive.updateGoldens=true copies it)")
                .isEqualTo(r.out().replaceAll(stamp, "Generated …"));
    }

    @Test
    void reportFleetToAFileTakesTheFormatFromItsName(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("fleet.html");
        var r = golive("report", "--fleet", web(), "--service", "api", "-o", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("wrote the html fleet report of 4 hosts to " + html + "\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("service LimitNOFILE");

        var j = golive("report", "--fleet", web(), "--format", "json", "--include-volatile");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertThat(n.at("/filter/includeVolatile").asBoolean()).isTrue();
        assertThat(n.get("differing").findValuesAsText("path")).contains("os.hostname");
    }

    @Test
    void reportFleetBadInputIsOneLineAndExitTwo(@TempDir Path tmp) {
        var format = golive("report", "--fleet", web(), "--format", "pdf");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).isEqualTo("golive: --format pdf: expected text, md, html or json\n");
        var root = golive("report", "--fleet", web(), "--root", web("api-1"));
        assertThat(root.code()).isEqualTo(2);
        assertThat(root.err()).isEqualTo("golive: --fleet DIR names the captures; drop --root\n");
        var manifest = golive("report", "--fleet", web(), "--manifest", tmp.toString());
        assertThat(manifest.code()).isEqualTo(2);
        var volatileAlone = golive("report", "--root", web("api-1"), "--include-volatile");
        assertThat(volatileAlone.code()).isEqualTo(2);
        assertThat(volatileAlone.err()).isEqualTo("golive: --include-volatile and --ignore go with --fleet DIR: a single host's report compares nothing\n");
        var oneCapture = golive("report", "--fleet", web("api-1"));
        assertThat(oneCapture.code()).isEqualTo(2);
        assertThat(oneCapture.err()).isEqualTo("golive: " + web("api-1") + ": this is one capture (it has golive-capture.json); a fleet is a directory of captures\n");
        var empty = golive("report", "--fleet", tmp.toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("golive: " + tmp + ": empty; expected one capture directory or .tar.gz per host\n");
    }

    @Test
    void diffOfADirectoryWithExitCodeFailsCiWhenHostsDrift() {
        var r = golive("diff", "--exit-code", "--no-color", web());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("golive diff of 4 hosts\n").contains("\nValues that differ (4)\n  os.kernelRelease\n",
                "\nFindings on some hosts only (2)\n");
        // without --exit-code the same output exits 0
        assertThat(golive("diff", "--no-color", web()).code()).isZero();
    }

    @Test
    void hostsThatMatchPassWhileVolatileFactsDifferUnlessIncluded() {
        var same = golive("diff", "--exit-code", "--no-color", web("api-1"), web("api-2"));
        assertThat(same.code()).as(same.out()).isZero();
        assertThat(same.out()).endsWith("\nno differences\n");
        var all = golive("diff", "--exit-code", "--no-color", "--include-volatile", web("api-1"), web("api-2"));
        assertThat(all.code()).isEqualTo(1);
        assertThat(all.out()).contains("  os.hostname\n    A  api-1", "  fds.fileNrAllocated\n");
    }

    @Test
    void diffOfThreeHostsNamesTheOutlierAndIgnoreLeavesValuesOut() throws Exception {
        var r = golive("diff", "--json", web("api-1"), web("api-2"), web("api-3.tar.gz"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("kind").asText()).isEqualTo("golive-fleet");
        assertThat(n.at("/differing/0/path").asText()).isEqualTo("os.kernelRelease");
        assertThat(n.at("/differing/0/outliers/0").asText()).isEqualTo(web("api-3.tar.gz"));

        var ignored = golive("diff", "--exit-code", "--ignore", "os.kernel*", "--ignore", "memory.thpEnabled",
                "--ignore", "sysctls.byKey[net.core.somaxconn]", web("api-1"), web("api-2"), web("api-3.tar.gz"));
        // the values are left out, but two rules still fire on api-3 only
        assertThat(ignored.code()).isEqualTo(1);
        assertThat(ignored.out()).contains("\nValues that differ (0)\n", "MEM-THP-ALWAYS [warn]  1 of 3 hosts: " + web("api-3.tar.gz"));
    }

    @Test
    void aDirectoryOfCapturesIsNoRootToWorkOn() {
        // it would otherwise be a target tree golive may write into
        for (String[] args : new String[][] {{"inspect", "--root", web()}, {"--root", web(), "plan", "--profile", "web-api"}}) {
            var r = golive(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).isEqualTo("golive: " + web() + ": a directory of captures (a fleet), not one host: review it with "
                    + "`golive report --fleet DIR` or `golive diff DIR`, or give --root one capture in it\n");
        }
    }

    @Test
    void diffBadInputOfManyHosts() {
        var missing = golive("diff", web("api-1"), web("api-2"), "/nonexistent/capture");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("golive: /nonexistent/capture: no such file or directory\n");
        var twice = golive("diff", web("api-1"), web("api-2"), web("api-1"));
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("golive: a host is named twice: give each capture once\n");
        var ignore = golive("diff", "--ignore", "", web());
        assertThat(ignore.code()).isEqualTo(2);
    }
}
