package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.golive.ui.cli.ExportCommandTest.golive;
import static dev.golive.ui.cli.ExportCommandTest.host;
import static dev.golive.ui.cli.ManifestCheckCommandTest.traps;
import static org.assertj.core.api.Assertions.assertThat;

/** `golive report --manifest`: the findings `check --manifest` gives, as a review to hand on, in Markdown, HTML and JSON. */
class ManifestReportCommandTest {

    @TempDir Path tmp;

    @Test
    void theReviewOfTheTrapsCarriesWhatCheckFindsWithWhyAndSources() throws Exception {
        var check = golive("check", "--manifest", traps(), "--json");
        var report = golive("report", "--manifest", traps(), "--format", "json");
        assertThat(report.code()).as(report.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(check.out()), r = new ObjectMapper().readTree(report.out());
        assertThat(lines(r.at("/findings/items"))).isNotEmpty().isEqualTo(lines(c.at("/findings")));
        assertThat(r.at("/findings/error").asInt()).isEqualTo(3);
        assertThat(r.at("/findings/warn").asInt()).isEqualTo(9);
        assertThat(r.at("/host/root").asText()).isEqualTo(traps());
        assertThat(r.at("/host/manifests").asBoolean()).isTrue();
        assertThat(r.at("/plan/reason").asText()).isEqualTo("a manifest review reads Dockerfiles and Kubernetes YAML, not a host");

        var md = golive("report", "--manifest", traps());
        String yaml = Path.of(traps(), "web.yaml").toString();
        assertThat(md.out()).startsWith("# Pre-go-live review: " + traps() + "\n\nDockerfiles and Kubernetes YAML in " + traps() + ". Generated ")
                .contains("## Findings\n\n3 errors, 9 warnings, 0 info from 11 rules.\n",
                        "### ERROR K8S-GOMAXPROCS-ABOVE-CPU-LIMIT: GOMAXPROCS is set above the container's CPU limit\n\n"
                                + "container web: GOMAXPROCS=8 above the CPU limit of 1.5; floor(limit), at least 1, is 1\n\n"
                                + "- **Source:** `" + yaml + ":12`, `" + yaml + ":18`\n- **Why it matters:** ",
                        "- **Read:** Go runtime package documentation, GOMAXPROCS")
                .doesNotContain("## At a glance", "## Host summary", "## Recommended profile", "## Service unit", "## Snapshot history");
    }

    @Test
    void theReviewGoesToAFileInTheFormatItsNameSays() throws Exception {
        Path html = tmp.resolve("containers.html");
        var r = golive("report", "--manifest", Path.of(traps(), "Dockerfile").toString(), "-o", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("wrote the html report to " + html + "\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("DOCKERFILE-CGO-BINARY-ON-MUSL", "CONTAINER-RUNS-AS-ROOT")
                .doesNotContain("K8S-GOMAXPROCS-ABOVE-CPU-LIMIT", "Host summary", "Snapshot history");
    }

    @Test
    void theGoModDecidesTheGomaxprocsFindingAsInCheck() throws Exception {
        Path pod = Files.writeString(tmp.resolve("pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers:
                  - name: p
                    image: p:1
                    env: [{name: GOMEMLIMIT, value: 900MiB}]
                    resources: {limits: {cpu: "2", memory: 1Gi}}
                    readinessProbe: {httpGet: {path: /, port: 80}}
                    livenessProbe: {httpGet: {path: /, port: 80}}
                """);
        Path mod = Files.createDirectories(tmp.resolve("mod"));
        Files.writeString(mod.resolve("go.mod"), "module x\n\ngo 1.24\n");
        assertThat(golive("report", "--manifest", pod.toString()).out()).contains("No findings.");
        assertThat(golive("report", "--manifest", pod.toString(), "--go-mod", mod.toString()).out())
                .contains("### WARN K8S-GOMAXPROCS-UNSET-UNDER-CPU-LIMIT");
    }

    @Test
    void hostOptionsAndBrokenFilesAreOneLineAndExitTwo() throws Exception {
        var root = golive("report", "--manifest", traps(), "--root", host("debian12-vm"));
        assertThat(root.code()).isEqualTo(2);
        assertThat(root.err()).isEqualTo("golive: --manifest reads files, not a host: drop --root\n");
        var service = golive("report", "--manifest", traps(), "--service", "api");
        assertThat(service.err()).isEqualTo("golive: --service reviews a host's service; --manifest reviews files: give one of them\n");
        var goMod = golive("report", "--root", host("debian12-vm"), "--go-mod", tmp.toString());
        assertThat(goMod.code()).isEqualTo(2);
        assertThat(goMod.err()).isEqualTo("golive: --go-mod goes with --manifest: a host's report reads the service's unit\n");
        Path bad = Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n  RUNN echo\n");
        Path out = tmp.resolve("r.md");
        var broken = golive("report", "--manifest", bad.toString(), "-o", out.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err().lines().toList()).hasSize(1);
        assertThat(broken.err()).startsWith("golive: " + bad + ":2:3: unknown instruction \"RUNN\"");
        assertThat(out).doesNotExist();
    }

    /** Each finding as id, severity, message and where: what both outputs must agree on. */
    private static List<String> lines(JsonNode findings) {
        List<String> l = new ArrayList<>();
        for (JsonNode f : findings) l.add(f.get("id").asText() + " " + f.get("severity").asText() + " " + f.get("message").asText());
        return l;
    }
}
