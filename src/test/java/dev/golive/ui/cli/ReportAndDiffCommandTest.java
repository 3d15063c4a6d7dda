package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `golive report` and `golive diff` as typed at a shell, on fixture captures. */
class ReportAndDiffCommandTest {

    record Run(int code, String out, String err) { }

    static Run golive(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String host(String name) {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(name).toString();
    }

    @Test
    void reportPrintsMarkdownByDefault() {
        Run r = golive("report", "--root", host("centos7-v1"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# Pre-go-live review: ").contains("## Host summary", "## Findings", "## Snapshot history");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void reportForApiCarriesTheOverrideConfConflictInMarkdownAndJson() throws Exception {
        Run md = golive("report", "--root", host("debian12-vm"), "--service", "api");
        assertThat(md.code()).as(md.err()).isZero();
        assertThat(md.out()).contains("- [Service] LimitNOFILE: golive would set 65536:1048576, but /etc/systemd/system/api.service.d/override.conf:3 "
                + "sets 65536 and wins when systemd loads the unit (");
        Run json = golive("report", "--root", host("debian12-vm"), "--service", "api", "--format", "json");
        JsonNode conflicts = new ObjectMapper().readTree(json.out()).at("/plan/value/conflicts");
        assertThat(conflicts.toString()).contains("[Service] LimitNOFILE: golive would set 65536:1048576, but /etc/systemd/system/api.service.d/override.conf:3");
    }

    @Test
    void reportToAFileTakesTheFormatFromItsName(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("review.html");
        Run r = golive("report", "--root", host("debian12-vm"), "-o", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("wrote the html report to " + html + "\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        Path json = tmp.resolve("review.out");
        assertThat(golive("report", "--root", host("debian12-vm"), "--format", "json", "-o", json.toString()).code()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("kind").asText()).isEqualTo("golive-review");
        assertThat(j.at("/host/hostname").asText()).isEqualTo("api-1");
        assertThat(tmp.toFile().list()).containsExactlyInAnyOrder("review.html", "review.out");
    }

    @Test
    void dashAsOutputIsStandardOutputNotAFileNamedDash() throws Exception {
        Run r = golive("report", "--root", host("debian12-vm"), "--format", "json", "-o", "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("kind").asText()).isEqualTo("golive-review");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void reportBadInputIsOneLineAndExitTwo(@TempDir Path tmp) {
        Run fmt = golive("report", "--root", host("debian12-vm"), "--format", "pdf");
        assertThat(fmt.code()).isEqualTo(2);
        assertThat(fmt.err()).isEqualTo("golive: --format pdf: expected md, html or json\n");
        Run dir = golive("report", "--root", host("debian12-vm"), "-o", tmp.resolve("missing/r.md").toString());
        assertThat(dir.code()).isEqualTo(2);
        assertThat(dir.err()).startsWith("golive: ").contains("no such directory").doesNotContain("\n\tat ");
        Run unit = golive("report", "--root", host("debian12-vm"), "--service", "../etc/passwd");
        assertThat(unit.code()).isEqualTo(2);
        assertThat(unit.err().lines()).hasSize(1);
    }

    @Test
    void diffOfTwoCapturesInTextAndJsonExitsZero() throws Exception {
        Run t = golive("diff", "--no-color", host("debian12-vm"), host("arm64-server"));
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).startsWith("golive diff\n  A  " + host("debian12-vm")).contains("\nFacts (", "\nFindings (", "\nOwned files\n");
        assertThat(t.out()).contains("  os.architecture\n    A  x86_64");
        Run j = golive("diff", "--json", host("debian12-vm"), host("arm64-server"));
        assertThat(j.code()).isZero();
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertThat(n.get("identical").asBoolean()).isFalse();
        assertThat(n.at("/a/hostname").asText()).isEqualTo("api-1");
    }

    @Test
    void diffBadInput() {
        Run missing = golive("diff", "/nonexistent/capture", host("debian12-vm"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("golive: /nonexistent/capture: no such file or directory\n");
        Run one = golive("diff", host("debian12-vm"));
        assertThat(one.code()).isEqualTo(2);
        Run root = golive("diff", "--root", host("sparse"), host("debian12-vm"), host("sparse"));
        assertThat(root.code()).isEqualTo(2);
        assertThat(root.err()).isEqualTo("golive: diff takes the hosts as arguments (A B, or a directory of captures); drop --root\n");
    }
}
