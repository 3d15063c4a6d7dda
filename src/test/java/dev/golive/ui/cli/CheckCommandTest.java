package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.check.CheckFixtures;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** `golive check` and `golive explain` as a user runs them, on facts from the test builder. */
class CheckCommandTest {

    record Run(int code, String out, String err) { }

    static Run run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((ex, c, p) -> Cli.handle(ex, c.getErr(), false));
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setParameterExceptionHandler((ex, a) -> { ex.getCommandLine().getErr().println("golive: " + ex.getMessage()); return 2; });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static CheckCommand check(HostFacts facts) { return new CheckCommand((root, service, goMod) -> facts); }

    @Test
    void printsFindingsGroupedBySeverityWithASummaryAndExitsOneOnErrors() {
        Run r = run(check(CheckFixtures.tuningGuideVictim()), "--no-color");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("ERRORS\n  NET-TW-RECYCLE  tcp_tw_recycle is set (removed in Linux 4.12)\n      /etc/sysctl.d/99-tuning.conf:3 sets");
        assertThat(r.out()).contains("      source: /etc/sysctl.d/99-tuning.conf:3\n");
        assertThat(r.out().indexOf("ERRORS")).isLessThan(r.out().indexOf("WARNINGS"));
        assertThat(r.out().indexOf("WARNINGS")).isLessThan(r.out().indexOf("\nINFO"));
        assertThat(r.out()).containsPattern("\n\\d+ errors?, \\d+ warnings?, \\d+ info \\(\\d+ rules, \\d+ skipped: no service given\\)\n$");
    }

    @Test
    void failOnDecidesTheExitCode() {
        HostFacts warnOnly = CheckFixtures.warnOnly();
        assertThat(run(check(warnOnly)).code()).isEqualTo(0);
        assertThat(run(check(warnOnly), "--fail-on", "warn").code()).isEqualTo(1);
        assertThat(run(check(warnOnly), "--fail-on", "info").code()).isEqualTo(1);
        assertThat(run(check(CheckFixtures.clean())).code()).isEqualTo(0);
        assertThat(run(check(CheckFixtures.clean()), "--fail-on", "info").code()).isEqualTo(0);
        Run bad = run(check(warnOnly), "--fail-on", "fatal");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("golive: --fail-on fatal: expected info, warn or error\n");
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws Exception {
        Run r = run(check(CheckFixtures.tuningGuideVictim()), "--json", "--fail-on", "warn");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("schema").asInt()).isEqualTo(1);
        assertThat(j.get("failOn").asText()).isEqualTo("warn");
        assertThat(j.get("failed").asBoolean()).isTrue();
        assertThat(j.get("service").isNull()).isTrue();
        assertThat(j.at("/summary/error").asInt()).isEqualTo(1);
        assertThat(j.at("/summary/rules").asInt()).isGreaterThanOrEqualTo(35);
        JsonNode first = j.at("/findings/0");
        assertThat(first.get("id").asText()).isEqualTo("NET-TW-RECYCLE");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("area").asText()).isEqualTo("network");
        assertThat(first.at("/sources/0/kind").asText()).isEqualTo("file");
        assertThat(first.at("/sources/0/path").asText()).isEqualTo("/etc/sysctl.d/99-tuning.conf");
        assertThat(first.at("/sources/0/line").asInt()).isEqualTo(3);
        assertThat(first.at("/fix/changes/0/type").asText()).isEqualTo("sysctl-remove");
        assertThat(first.get("reference").asText()).contains("ip-sysctl");
    }

    @Test
    void checkingAServiceOfACaptureReadsItsUnitBinaryAndCgroup() throws Exception {
        Run r = run(new CheckCommand(), "--root", "src/test/resources/hosts/arm64-server", "--service", "ingest", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("service").asText()).isEqualTo("ingest.service");
        assertThat(r.out()).contains("CPU-GOMAXPROCS-IGNORES-QUOTA", "MEM-LIMIT-WITHOUT-GOMEMLIMIT", "/opt/ingest/ingest");
    }

    @Test
    void inspectingAServiceShowsItsSection() {
        Run r = run(new InspectCommand(), "--root", "src/test/resources/hosts/debian12-vm", "--service", "api", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Service api.service", "binary Go version        go1.21.5                        /opt/api/bin/api",
                "env GOGC                 200                             /etc/default/api:3",
                "security exposure        9.2 (0 safe … 10 exposed)");
    }

    @Test
    void goModWithoutAServiceIsAUsageError() {
        Run r = run(new CheckCommand(), "--root", "src/test/resources/hosts/debian12-vm", "--go-mod", "/src/app");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: --go-mod needs --service NAME\n");
    }

    @Test
    void serviceNamesAreValidated() {
        Run r = run(check(CheckFixtures.clean()), "--service", "app;rm -rf");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("golive: --service app;rm -rf: invalid unit name");
    }

    @Test
    void explainPrintsTheWholeExplanation() {
        Run r = run(new ExplainCommand(), "--no-color", "net-tw-recycle");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).startsWith("NET-TW-RECYCLE  tcp_tw_recycle is set (removed in Linux 4.12)\nseverity: error   area: network\n");
        assertThat(r.out()).contains("\nWhy\n  Advice to set net.ipv4.tcp_tw_recycle=1 is wrong.", "\nFix\n  Remove the line.", "\nRead\n  https://docs.kernel.org/networking/ip-sysctl.html");
    }

    @Test
    void explainOfAnUnknownIdSuggestsTheNearestAndExitsTwo() {
        Run r = run(new ExplainCommand(), "NET-SOMAXCON-LOW");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: unknown rule NET-SOMAXCON-LOW (did you mean NET-SOMAXCONN-LOW?)\n");
    }

    @Test
    void explainWithoutIdListsEveryRule() {
        Run r = run(new ExplainCommand());
        assertThat(r.out().lines().count()).isEqualTo(dev.golive.check.RuleCatalog.all().size() + dev.golive.check.ManifestRules.all().size());
        assertThat(r.out()).contains("CPU-GOMAXPROCS-IGNORES-QUOTA").contains("SYSCTL-CONFLICT").contains("K8S-GOMAXPROCS-ABOVE-CPU-LIMIT");
    }
}
