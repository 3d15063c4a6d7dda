package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.golive.ui.cli.ExportCommandTest.golive;
import static dev.golive.ui.cli.ExportCommandTest.host;
import static org.assertj.core.api.Assertions.assertThat;

/** `golive check --manifest` on what export writes, on the traps the guides fall into, and on broken files. */
class ManifestCheckCommandTest {

    @TempDir Path tmp;

    static String traps() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/manifests/traps").toString();
    }

    @ParameterizedTest(name = "go {0}, {1}, hardening {2}, base {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1.22 | 150%  | basic  | scratch
            1.25 | 200%  | strict | distroless
            1.24 | 50%   | none   | scratch
            1.25 | 1000% | basic  | scratch
            """)
    void whatExportWritesPassesTheCheck(String go, String cpu, String hardening, String base) throws Exception {
        Path mod = Files.createDirectories(tmp.resolve("mod"));
        Files.writeString(mod.resolve("go.mod"), "module example.com/shop\n\ngo " + go + "\n");
        Path out = Files.createDirectories(tmp.resolve("deploy"));
        var d = golive("export", "--format", "dockerfile", "--service", "shop", "--go-mod", mod.toString(), "--port", "8080", "--port", "443",
                "--base", base, "--version", "2.0.1", "-o", out.resolve("Dockerfile").toString(), "--root", host("debian12-vm"));
        var k = golive("export", "--format", "kubernetes", "--service", "shop", "--go-mod", mod.toString(), "--port", "8080", "--port", "443",
                "--cpu-quota", cpu, "--memory-max", "768M", "--hardening", hardening, "--version", "2.0.1", "--health-path", "/healthz",
                "-o", out.resolve("shop.yaml").toString(), "--root", host("debian12-vm"));
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(k.code()).as(k.err()).isZero();
        var c = golive("check", "--manifest", out.toString(), "--fail-on", "info");
        assertThat(c.out()).endsWith("\n0 errors, 0 warnings, 0 info (11 rules)\n");
        assertThat(c.code()).isZero();
    }

    @Test
    void theTrapsAreFoundWhereTheyAre() {
        var r = golive("check", "--manifest", traps());
        assertThat(r.code()).isEqualTo(1);
        String yaml = Path.of(traps(), "web.yaml").toString();
        String df = Path.of(traps(), "Dockerfile").toString();
        assertThat(r.out()).contains(
                "  K8S-GOMAXPROCS-ABOVE-CPU-LIMIT  GOMAXPROCS is set above the container's CPU limit\n"
                        + "      container web: GOMAXPROCS=8 above the CPU limit of 1.5; floor(limit), at least 1, is 1\n"
                        + "      source: " + yaml + ":12, " + yaml + ":18\n",
                "      container web: GOMEMLIMIT=2GiB (2147483648 bytes) is not below the memory limit of 1073741824 bytes\n",
                "      container web runs image example/web (no tag: latest)\n      source: " + yaml + ":10\n",
                "      container side requests cpu 0.25 without a cpu limit: the Go runtime sees every CPU of the node\n      source: " + yaml + ":24\n",
                "      container side has no readinessProbe and no livenessProbe\n",
                "  DOCKERFILE-CGO-BINARY-ON-MUSL",
                "      source: " + df + ":1, " + df + ":5\n",
                "      the last stage (FROM alpine) has no USER: the process runs as root\n");
        assertThat(r.out()).endsWith("\n3 errors, 9 warnings, 0 info (11 rules)\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cpu limit 1.5, Go unknown      | 1500m | -    | K8S-GOMAXPROCS-UNSET-UNDER-CPU-LIMIT
            cpu limit 2, go.mod 1.24       | 2     | 1.24 | K8S-GOMAXPROCS-UNSET-UNDER-CPU-LIMIT
            cpu limit 2, go.mod 1.25       | 2     | 1.25 | -
            cpu limit 1, go.mod 1.25       | 1     | 1.25 | K8S-GOMAXPROCS-UNSET-UNDER-CPU-LIMIT
            """)
    void gomaxprocsUnsetDependsOnTheGoReleaseAndTheLimit(String name, String cpu, String go, String expected) throws Exception {
        Path y = tmp.resolve("pod.yaml");
        Files.writeString(y, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                  - name: p
                    image: p:1
                    env:
                    - name: GOMEMLIMIT
                      value: 900MiB
                    resources:
                      limits:
                        cpu: "%s"
                        memory: 1Gi
                    readinessProbe: {httpGet: {path: /, port: 80}}
                    livenessProbe: {httpGet: {path: /, port: 80}}
                """.formatted(cpu));
        String[] args = go.equals("-") ? new String[] {"check", "--manifest", y.toString(), "--json"}
                : new String[] {"check", "--manifest", y.toString(), "--json", "--go-mod", goMod(go).toString()};
        var r = golive(args);
        if (expected.equals("-")) {
            assertThat(r.out()).contains("\"findings\" : [ ]");
        } else {
            assertThat(r.out()).contains("\"id\" : \"" + expected + "\"", "\"path\" : \"" + y + "\"", "\"line\" : 16",
                    "\"reference\" : \"Go 1.25 release notes");
        }
    }

    private Path goMod(String go) throws Exception {
        Path m = Files.createDirectories(tmp.resolve("m" + go));
        Files.writeString(m.resolve("go.mod"), "module x\n\ngo " + go + "\n");
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a.yaml     | 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: x\\n   bad: [\\n'                         | :5:7: YAML syntax error: mapping values are not allowed here
            b.yaml     | 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: x\\nspec:\\n  replicas: many\\n' | :6:13: spec.replicas: not what Kubernetes' Deployment takes
            c.yaml     | 'just: text\\n'                                                                       | :1:1: not a Kubernetes object (a mapping with apiVersion and kind)
            d.yaml     | 'apiVersion: v1\\nkind: Pod\\nmetadata: {name: x}\\n---\\nkind: Pod\\nkind: Pod\\n'       | :6:1: duplicate key "kind"
            Dockerfile | 'FROM scratch\\nCOPY a /a\\n  RUNN echo\\n'                                            | :3:3: unknown instruction "RUNN"
            Dockerfile | 'FROM golang:1.22\\nRUN ["go", build]\\n'                                               | :2:1: RUN's exec form is not valid JSON
            Dockerfile | 'FROM golang:1.22\\nRUN go build BS\\n'                                                 | :2:1: RUN continues with a backslash past the end of the file
            """)
    void aBrokenFileIsOneLineWithItsPlaceAndExitTwo(String file, String content, String expected) throws Exception {
        Path f = tmp.resolve(file);
        Files.writeString(f, content.replace("\\n", "\n").replace("BS", "\\"));
        var r = golive("check", "--manifest", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("golive: " + f + expected);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDirectoryScanReadsTheManifestsNotTheBackupsAndBuildOutputBesideThem() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(Path.of(traps(), "Dockerfile"), dir.resolve("Dockerfile"));
        Files.write(dir.resolve("Dockerfile.class"), new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, (byte) 0xff});
        Files.writeString(dir.resolve("Dockerfile~"), "FROM example/old\n");
        Files.writeString(dir.resolve("Dockerfile.orig"), "FROM example/old\n");
        Files.writeString(dir.resolve("web.yaml.swp"), "not: [yaml\n");
        var scan = golive("check", "--manifest", dir.toString());
        var one = golive("check", "--manifest", dir.resolve("Dockerfile").toString());
        assertThat(scan.err()).isEmpty();
        assertThat(scan.code()).isEqualTo(one.code());
        assertThat(scan.out()).doesNotContain("example/old")
                .isEqualTo(one.out().replace("golive check: " + dir.resolve("Dockerfile"), "golive check: " + dir));
        var named = golive("check", "--manifest", dir.resolve("Dockerfile.orig").toString());
        assertThat(named.out()).as("a file named on its own is read whatever its name").contains("example/old");
    }

    @Test
    void hostOptionsAreRefusedAndTheRulesExplainThemselves() {
        var withService = golive("check", "--manifest", traps(), "--service", "api");
        assertThat(withService.code()).isEqualTo(2);
        assertThat(withService.err()).isEqualTo("golive: --service checks a host's service; --manifest checks files: give one of them\n");
        var withRoot = golive("check", "--manifest", traps(), "--root", host("debian12-vm"));
        assertThat(withRoot.err()).isEqualTo("golive: --manifest reads files, not a host: drop --root\n");
        var explain = golive("explain", "k8s-memory-limit-without-gomemlimit");
        assertThat(explain.code()).isZero();
        assertThat(explain.out()).contains("area: container   (golive check --manifest)", "Go GC guide");
        var empty = golive("check", "--manifest", tmp.toString());
        assertThat(empty.err()).isEqualTo("golive: " + tmp + ": no Dockerfile or Kubernetes YAML in this directory\n");
    }
}
