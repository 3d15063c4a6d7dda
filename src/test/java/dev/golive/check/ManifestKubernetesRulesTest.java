package dev.golive.check;

import dev.golive.config.LocatedYaml;
import dev.golive.model.Finding;
import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;
import dev.golive.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * `golive check --manifest` on Kubernetes workload YAML, read by config.LocatedYaml as the CLI
 * reads it: each container rule at its boundary (the CPU limit against GOMAXPROCS, the memory
 * limit against GOMEMLIMIT, which Go release sizes itself), each finding at the line it is about.
 */
class ManifestKubernetesRulesTest {

    /** A Pod (line 1: apiVersion) with one container whose lines (indented 4) start at line 7. */
    static String pod(String podSecurity, String containerLines) {
        return "apiVersion: v1\n"
                + "kind: Pod\n"
                + "metadata: {name: p}\n"
                + "spec:\n"
                + (podSecurity.isEmpty() ? "  hostNetwork: false\n" : "  securityContext: {" + podSecurity + "}\n")
                + "  containers:\n"
                + "  - name: web\n"
                + containerLines.indent(4);
    }

    /** A container that is fine in every respect but the lines given after it (which may override none of these). */
    static final String PROBES_AND_USER = """
            readinessProbe: {httpGet: {path: /, port: 80}}
            livenessProbe: {httpGet: {path: /, port: 80}}
            securityContext: {runAsNonRoot: true, runAsUser: 1000}
            """;

    static CheckReport check(String yaml) { return check(yaml, Optional.empty()); }

    static CheckReport check(String yaml, Optional<GoVersion> goMod) {
        return ManifestRules.run(new ManifestRules.Input(Map.of("k.yaml", LocatedYaml.parse("k.yaml", yaml)), Map.of(), goMod));
    }

    /** Each finding as "RULE-ID: message @ sources". */
    static List<String> found(CheckReport r) {
        return r.findings().stream().map(ManifestKubernetesRulesTest::line).toList();
    }

    static String line(Finding f) {
        return f.ruleId() + ": " + f.message() + " @ " + String.join(", ", f.sources().stream().map(s -> s.describe()).toList());
    }

    static List<String> ids(CheckReport r) { return r.findings().stream().map(Finding::ruleId).toList(); }

    static String limited(String cpu, String memory, String env) {
        return "image: web:1.0\n" + (env.isEmpty() ? "" : "env:\n" + env)
                + "resources:\n  limits:\n" + (cpu.isEmpty() ? "" : "    cpu: \"" + cpu + "\"\n") + (memory.isEmpty() ? "" : "    memory: " + memory + "\n")
                + PROBES_AND_USER;
    }

    @Test
    void aWellSetContainerHasNothingToSayAndTheReportCountsElevenRules() {
        CheckReport r = check(pod("", limited("2", "1Gi", "- {name: GOMAXPROCS, value: \"2\"}\n- {name: GOMEMLIMIT, value: 900MiB}\n")));
        assertThat(r.findings()).isEmpty();
        assertThat(r.rulesTotal()).isEqualTo(11);
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void aContainerWithNothingSetGetsEachFindingAtItsOwnLine() {
        CheckReport r = check(pod("", "image: example/web\n"));
        assertThat(found(r)).containsExactly(
                "CONTAINER-IMAGE-UNPINNED: container web runs image example/web (no tag: latest) @ k.yaml:8",
                "CONTAINER-RUNS-AS-ROOT: container web does not set runAsNonRoot: true or a runAsUser: the image's user (root unless it says otherwise) runs it @ k.yaml:7",
                "K8S-NO-PROBES: container web has no readinessProbe and no livenessProbe @ k.yaml:7",
                "K8S-NO-RESOURCE-LIMITS: container web has no resources.limits @ k.yaml:7");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
    }

    @Test
    void errorsComeFirstThenWarningsEachByRuleIdThenByPlace() {
        String yaml = pod("", limited("1", "1Gi", "- {name: GOMAXPROCS, value: \"4\"}\n- {name: GOMEMLIMIT, value: 2GiB}\n"))
                + "  - name: side\n    image: side:latest\n" + PROBES_AND_USER.indent(4)
                + "  - name: aaa\n    image: aaa:latest\n" + PROBES_AND_USER.indent(4);
        CheckReport r = check(yaml);
        assertThat(r.findings()).extracting(Finding::severity)
                .containsExactly(Severity.ERROR, Severity.ERROR, Severity.WARN, Severity.WARN, Severity.WARN, Severity.WARN);
        assertThat(ids(r)).containsExactly("K8S-GOMAXPROCS-ABOVE-CPU-LIMIT", "K8S-GOMEMLIMIT-AT-OR-ABOVE-LIMIT",
                "CONTAINER-IMAGE-UNPINNED", "CONTAINER-IMAGE-UNPINNED", "K8S-NO-RESOURCE-LIMITS", "K8S-NO-RESOURCE-LIMITS");
        // the two unpinned images by their line: side (line 20) before aaa (line 25)
        assertThat(found(r).get(2)).endsWith("@ k.yaml:20");
        assertThat(found(r).get(3)).endsWith("@ k.yaml:25");
    }

    @ParameterizedTest(name = "limit {0}, GOMAXPROCS={1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.5   | 1          | -
            1.5   | 2          | above the CPU limit of 1.5; floor(limit), at least 1, is 1
            500m  | 1          | -
            500m  | 2          | above the CPU limit of 0.5; floor(limit), at least 1, is 1
            2     | 2          | -
            2     | 3          | above the CPU limit of 2; floor(limit), at least 1, is 2
            2.0   | 3          | above the CPU limit of 2; floor(limit), at least 1, is 2
            3999m | 3          | -
            3999m | 4          | above the CPU limit of 3.999; floor(limit), at least 1, is 3
            2     | ' 8 '      | above the CPU limit of 2; floor(limit), at least 1, is 2
            2     | many       | -
            2     | 1234567890 | -
            2     | 123456789  | above the CPU limit of 2; floor(limit), at least 1, is 2
            """)
    void gomaxprocsAboveTheCpuLimitIsAnErrorFromOneAboveTheFlooredLimit(String cpu, String gomaxprocs, String expected) {
        CheckReport r = check(pod("", limited(cpu, "1Gi", "- {name: GOMAXPROCS, value: \"" + gomaxprocs + "\"}\n- {name: GOMEMLIMIT, value: 900MiB}\n")));
        if (expected.equals("-")) {
            assertThat(r.findings()).isEmpty();
            return;
        }
        assertThat(found(r)).containsExactly("K8S-GOMAXPROCS-ABOVE-CPU-LIMIT: container web: GOMAXPROCS=" + gomaxprocs.trim() + " " + expected
                + " @ k.yaml:10, k.yaml:14");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(r.findings().get(0).fix()).isEmpty();
    }

    @ParameterizedTest(name = "limit {0}, go.mod {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2     | -    | -
            3     | -    | -
            1     | -    | Go 1.25 and later round the limit up with a floor of 2, so this limit is overrun; set GOMAXPROCS=1
            1999m | -    | Go 1.25 and later round the limit up with a floor of 2, so a fractional limit is overrun; set GOMAXPROCS=1
            2500m | -    | Go 1.25 and later round the limit up with a floor of 2, so a fractional limit is overrun; set GOMAXPROCS=2
            250m  | -    | Go 1.25 and later round the limit up with a floor of 2, so a fractional limit is overrun; set GOMAXPROCS=1
            4     | 1.24 | go1.24 ignores CPU limits and starts one P per node CPU; set GOMAXPROCS=4
            4     | 1.25 | -
            1     | 1.25 | Go 1.25 and later round the limit up with a floor of 2, so this limit is overrun; set GOMAXPROCS=1
            """)
    void gomaxprocsUnsetIsFoundWhereTheRuntimeWouldNotSizeItselfToTheLimit(String cpu, String go, String expected) {
        Optional<GoVersion> mod = go.equals("-") ? Optional.empty() : GoVersion.parse(go);
        CheckReport r = check(pod("", limited(cpu, "1Gi", "- {name: GOMEMLIMIT, value: 900MiB}\n")), mod);
        if (expected.equals("-")) {
            assertThat(r.findings()).isEmpty();
            return;
        }
        String shown = new java.math.BigDecimal(cpu.endsWith("m") ? cpu.substring(0, cpu.length() - 1) : cpu)
                .movePointLeft(cpu.endsWith("m") ? 3 : 0).stripTrailingZeros().toPlainString();
        assertThat(found(r)).containsExactly("K8S-GOMAXPROCS-UNSET-UNDER-CPU-LIMIT: container web: CPU limit " + shown + " and no GOMAXPROCS: "
                + expected + " @ k.yaml:13");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void gomaxprocsFromAConfigMapIsNeitherJudgedNorMissing() {
        String env = "- name: GOMAXPROCS\n  valueFrom: {configMapKeyRef: {name: tune, key: procs}}\n- {name: GOMEMLIMIT, value: 900MiB}\n";
        assertThat(check(pod("", limited("500m", "1Gi", env))).findings()).isEmpty();
    }

    @Test
    void theGoReleaseOfTheBuildStageCountsWhenNoGoModIsNamed() {
        String yaml = pod("", limited("4", "1Gi", "- {name: GOMEMLIMIT, value: 900MiB}\n"));
        var docs = Map.of("k.yaml", LocatedYaml.parse("k.yaml", yaml));
        var from124 = Map.of("Dockerfile", dev.golive.config.DockerfileText.parse("Dockerfile",
                "FROM --platform=$BUILDPLATFORM docker.io/library/golang:1.24.3-bookworm@sha256:abc AS build\nRUN CGO_ENABLED=0 go build -o /app .\n"
                        + "FROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n"));
        CheckReport old = ManifestRules.run(new ManifestRules.Input(docs, from124, Optional.empty()));
        assertThat(found(old)).containsExactly("K8S-GOMAXPROCS-UNSET-UNDER-CPU-LIMIT: container web: CPU limit 4 and no GOMAXPROCS: "
                + "go1.24.3 ignores CPU limits and starts one P per node CPU; set GOMAXPROCS=4 @ k.yaml:13");
        // go.mod's go line is what the binary is built for: it wins over the image's release
        CheckReport mod = ManifestRules.run(new ManifestRules.Input(docs, from124, GoVersion.parse("1.25")));
        assertThat(mod.findings()).isEmpty();
    }

    @Test
    void theFirstFromThatNamesAGoReleaseIsTheOneUsed() {
        var files = new java.util.LinkedHashMap<String, List<dev.golive.config.DockerfileText.Instruction>>();
        files.put("a/Dockerfile", dev.golive.config.DockerfileText.parse("a/Dockerfile", "ARG V=1\nFROM golang AS tools\nFROM alpine:3.20\nUSER 1000\n"));
        files.put("b/Dockerfile", dev.golive.config.DockerfileText.parse("b/Dockerfile", "FROM golang:latest\nFROM golang:1.23-alpine\nFROM golang:1.26\n"));
        assertThat(ManifestRules.goOfDockerfiles(files)).hasValue(GoVersion.parse("1.23").orElseThrow());
        assertThat(ManifestRules.goOfDockerfiles(Map.of("Dockerfile", dev.golive.config.DockerfileText.parse("Dockerfile", "FROM debian:12\n"))))
                .isEmpty();
    }

    @ParameterizedTest(name = "GOMEMLIMIT={1} under a limit of {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1Gi        | 1GiB       | GOMEMLIMIT=1GiB (1073741824 bytes) is not below the memory limit of 1073741824 bytes
            1Gi        | 1073741824 | GOMEMLIMIT=1073741824 (1073741824 bytes) is not below the memory limit of 1073741824 bytes
            1Gi        | 1073741825 | GOMEMLIMIT=1073741825 (1073741825 bytes) is not below the memory limit of 1073741824 bytes
            1Gi        | 1073741823 | -
            1Gi        | 900MiB     | -
            1Gi        | off        | -
            1073741824 | ' 1GiB'    | GOMEMLIMIT= 1GiB (1073741824 bytes) is not below the memory limit of 1073741824 bytes
            """)
    void gomemlimitAtOrAboveTheMemoryLimitIsAnError(String memory, String gomemlimit, String expected) {
        CheckReport r = check(pod("", limited("2", memory, "- {name: GOMAXPROCS, value: \"2\"}\n- {name: GOMEMLIMIT, value: \"" + gomemlimit + "\"}\n")));
        if (expected.equals("-")) {
            assertThat(r.findings()).isEmpty();
            return;
        }
        assertThat(found(r)).containsExactly("K8S-GOMEMLIMIT-AT-OR-ABOVE-LIMIT: container web: " + expected + " @ k.yaml:11, k.yaml:15");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aMemoryLimitWithoutGomemlimitNamesNinetyPercentInWholeMebibytes() {
        CheckReport r = check(pod("", limited("2", "1Gi", "- {name: GOMAXPROCS, value: \"2\"}\n")));
        assertThat(found(r)).containsExactly("K8S-MEMORY-LIMIT-WITHOUT-GOMEMLIMIT: container web: memory limit 1073741824 bytes and no GOMEMLIMIT; "
                + "90% is 921MiB @ k.yaml:14");
        // under 1 MiB at 90% there is no GOMEMLIMIT to propose
        CheckReport tiny = check(pod("", limited("2", "1Mi", "- {name: GOMAXPROCS, value: \"2\"}\n")));
        assertThat(found(tiny)).containsExactly("K8S-MEMORY-LIMIT-WITHOUT-GOMEMLIMIT: container web: memory limit 1048576 bytes and no GOMEMLIMIT @ k.yaml:14");
        // from a Secret: golive cannot read the value, and it is set
        CheckReport secret = check(pod("", limited("2", "1Gi", "- {name: GOMAXPROCS, value: \"2\"}\n- name: GOMEMLIMIT\n  valueFrom: {secretKeyRef: {name: s, key: k}}\n")));
        assertThat(secret.findings()).isEmpty();
    }

    @Test
    void aRequestWithoutItsLimitIsFoundForCpuAndMemoryEachAtTheRequest() {
        String c = "image: web:1.0\nenv:\n- {name: GOMAXPROCS, value: \"2\"}\n- {name: GOMEMLIMIT, value: 900MiB}\n"
                + "resources:\n  requests:\n    cpu: 250m\n    memory: 512Mi\n" + PROBES_AND_USER;
        assertThat(found(check(pod("", c)))).containsExactly(
                "K8S-REQUEST-WITHOUT-LIMIT: container web requests cpu 0.25 without a cpu limit: the Go runtime sees every CPU of the node @ k.yaml:14",
                "K8S-REQUEST-WITHOUT-LIMIT: container web requests memory 536870912 bytes without a memory limit @ k.yaml:15");
        // only a memory request: still a request, so not "no resources.limits"
        String m = "image: web:1.0\nresources:\n  requests:\n    memory: 512Mi\n" + PROBES_AND_USER;
        assertThat(ids(check(pod("", m)))).containsExactly("K8S-REQUEST-WITHOUT-LIMIT");
        // a request under its limit is what Kubernetes asks for
        String both = "image: web:1.0\nenv:\n- {name: GOMAXPROCS, value: \"2\"}\n- {name: GOMEMLIMIT, value: 900MiB}\n"
                + "resources:\n  requests: {cpu: 1, memory: 512Mi}\n  limits: {cpu: 2, memory: 1Gi}\n" + PROBES_AND_USER;
        assertThat(check(pod("", both)).findings()).isEmpty();
        // each limit alone is enough for "has limits"
        assertThat(ids(check(pod("", "image: web:1.0\nresources: {limits: {cpu: 2}}\n" + PROBES_AND_USER)))).isEmpty();
        assertThat(ids(check(pod("", "image: web:1.0\nresources: {requests: {cpu: 2}}\n" + PROBES_AND_USER)))).containsExactly("K8S-REQUEST-WITHOUT-LIMIT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            example/web              | container web runs image example/web (no tag: latest)
            example/web:latest       | container web runs image example/web:latest
            registry:5000/web        | container web runs image registry:5000/web (no tag: latest)
            registry:5000/web:1.0    | -
            example/web:1.0          | -
            example/web@sha256:abcd  | -
            """)
    void anImageWithoutATagOrTaggedLatestIsUnpinned(String image, String expected) {
        CheckReport r = check(pod("", "image: " + image + "\nresources: {limits: {cpu: 2}}\n" + PROBES_AND_USER));
        if (expected.equals("-")) assertThat(r.findings()).isEmpty();
        else assertThat(found(r)).containsExactly("CONTAINER-IMAGE-UNPINNED: " + expected + " @ k.yaml:8");
    }

    @Test
    void aContainerWithoutImageOrNameIsStillChecked() {
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - resources: {limits: {cpu: 2}}\n"
                + PROBES_AND_USER.indent(4);
        assertThat(found(check(yaml))).isEmpty();
        String noName = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - image: x\n";
        assertThat(found(check(noName))).contains("K8S-NO-PROBES: container ? has no readinessProbe and no livenessProbe @ k.yaml:6");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            readinessProbe: {exec: {command: [true]}} | container web has no livenessProbe
            livenessProbe: {exec: {command: [true]}}  | container web has no readinessProbe
            """)
    void eachMissingProbeIsNamed(String probe, String expected) {
        String c = "image: web:1.0\nresources: {limits: {cpu: 2}}\nsecurityContext: {runAsNonRoot: true}\n" + probe + "\n";
        assertThat(found(check(pod("", c)))).containsExactly("K8S-NO-PROBES: " + expected + " @ k.yaml:7");
    }

    @ParameterizedTest(name = "pod {0}, container {1}")
    @CsvSource(delimiter = '|', textBlock = """
            runAsNonRoot: true                   | -                                     | -
            runAsUser: 1000                      | -                                     | -
            runAsNonRoot: false                  | -                                     | container web does not set runAsNonRoot: true or a runAsUser: the image's user (root unless it says otherwise) runs it @ k.yaml:7
            runAsNonRoot: true                   | runAsNonRoot: false                   | container web does not set runAsNonRoot: true or a runAsUser: the image's user (root unless it says otherwise) runs it @ k.yaml:11
            runAsNonRoot: true                   | runAsUser: 0                          | container web sets runAsUser: 0 @ k.yaml:11
            runAsUser: 0                         | -                                     | container web sets runAsUser: 0 @ k.yaml:7
            runAsUser: 0                         | runAsUser: 1000                       | -
            -                                    | runAsUser: 01                         | container web does not set runAsNonRoot: true or a runAsUser: the image's user (root unless it says otherwise) runs it @ k.yaml:11
            -                                    | 'runAsNonRoot: true, runAsUser: 0'    | container web sets runAsUser: 0 @ k.yaml:11
            -                                    | readOnlyRootFilesystem: true          | container web does not set runAsNonRoot: true or a runAsUser: the image's user (root unless it says otherwise) runs it @ k.yaml:11
            """)
    void rootIsWhatNeitherThePodNorTheContainerRulesOut(String podSc, String containerSc, String expected) {
        String c = "image: web:1.0\nresources: {limits: {cpu: 2}}\nreadinessProbe: {exec: {command: [true]}}\n"
                + (containerSc.equals("-") ? "livenessProbe: {exec: {command: [true]}}\n"
                : "securityContext: {" + containerSc + "}\nlivenessProbe: {exec: {command: [true]}}\n");
        CheckReport r = check(pod(podSc.equals("-") ? "" : podSc, c));
        if (expected.equals("-")) assertThat(r.findings()).isEmpty();
        else assertThat(found(r)).containsExactly("CONTAINER-RUNS-AS-ROOT: " + expected);
    }

    @Test
    void everyWorkloadKindIsReadAtItsOwnPodTemplate() {
        String container = "      containers:\n      - name: web\n        image: web\n";
        String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n" + container;
        String cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                + container.indent(4);
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job")) {
            String api = kind.equals("Job") ? "batch/v1" : "apps/v1";
            CheckReport r = check(deployment.replace("apps/v1", api).replace("Deployment", kind));
            assertThat(found(r)).as(kind).contains("CONTAINER-IMAGE-UNPINNED: container web runs image web (no tag: latest) @ k.yaml:9");
        }
        assertThat(found(check(cron))).contains("CONTAINER-IMAGE-UNPINNED: container web runs image web (no tag: latest) @ k.yaml:12");
        // a Service, a ConfigMap: no containers, nothing to say
        assertThat(check("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n").findings()).isEmpty();
        // an empty document between two others, a workload without containers
        assertThat(check("---\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: {}}}\n").findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a list                | '- a\\n- b\\n'                                                                                        | k.yaml:1:1: not a Kubernetes object (a mapping with apiVersion and kind)
            no apiVersion         | 'kind: Pod\\nmetadata: {name: p}\\n'                                                                   | k.yaml:1:1: not a Kubernetes object (a mapping with apiVersion and kind)
            no kind               | 'apiVersion: v1\\nmetadata: {name: p}\\n'                                                              | k.yaml:1:1: not a Kubernetes object (a mapping with apiVersion and kind)
            kind not a string     | 'apiVersion: v1\\nkind: [Pod]\\n'                                                                      | k.yaml:1:1: not a Kubernetes object (a mapping with apiVersion and kind)
            containers a mapping  | 'apiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\nspec:\\n  containers: {name: web}\\n'              | k.yaml:5:15:
            cpu not a quantity    | 'apiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\nspec:\\n  containers:\\n  - name: w\\n    resources: {limits: {cpu: lots}}\\n' | k.yaml:7:
            memory not a quantity | 'apiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\nspec:\\n  containers:\\n  - name: w\\n    resources:\\n      requests:\\n        memory: 1Gx\\n' | k.yaml:9:17: resources.requests.memory "1Gx" is not a Kubernetes quantity (e.g. 500m, 2, 1Gi)
            a second document     | 'apiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\n---\\n7\\n'                                         | k.yaml:5:1: not a Kubernetes object
            """)
    void aFileThatIsNotAWorkloadIsOneLineWithItsPlace(String name, String yaml, String expected) {
        String text = yaml.replace("\\n", "\n");
        assertThatThrownBy(() -> check(text)).isInstanceOf(GoliveException.class).hasMessageStartingWith(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aValueKubernetesWouldRefuseNamesItsPathAndLine() {
        String yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: many\n";
        assertThatThrownBy(() -> check(yaml)).isInstanceOf(GoliveException.class)
                .hasMessageStartingWith("k.yaml:5:13: spec.replicas: not what Kubernetes' Deployment takes: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("through reference chain").doesNotContain("\n")
                        .contains("many")); // the model's reason, on the same line
        assertThatThrownBy(() -> check("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: 7\n")).isInstanceOf(GoliveException.class)
                .hasMessageStartingWith("k.yaml:4:7: spec: not what Kubernetes' Deployment takes: ");
    }

    @Test
    void aQuantityErrorNamesTheLimitAndClipsTheValue() {
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: w\n    resources:\n      limits:\n        cpu: "
                + "x".repeat(60) + "\n";
        assertThatThrownBy(() -> check(yaml)).isInstanceOf(GoliveException.class)
                .hasMessageStartingWith("k.yaml:9:14: resources.limits.cpu \"" + "x".repeat(40) + "…\" is not a Kubernetes quantity");
    }
}
