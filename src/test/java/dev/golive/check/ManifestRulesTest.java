package dev.golive.check;

import dev.golive.config.DockerfileText;
import dev.golive.config.LocatedYaml;
import dev.golive.model.Finding;
import dev.golive.model.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each container rule the issue asks for, on the smallest manifest that has the trap and on the
 * same manifest without it: the rule fires at the file:line of the trap, and only there.
 */
class ManifestRulesTest {

    /** A Deployment whose one container is {@code container} (YAML lines under "- name: web", indented 8). */
    private static List<Finding> kube(String container, String podSecurity) {
        String yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n"
                + (podSecurity.isEmpty() ? "" : "      securityContext:\n        " + podSecurity + "\n")
                + "      containers:\n      - name: web\n" + container.replace("|", "\n");
        return ManifestRules.run(new ManifestRules.Input(Map.of("web.yaml", LocatedYaml.parse("web.yaml", yaml)), Map.of(), Optional.empty())).findings();
    }

    private static List<Finding> docker(String text) {
        return ManifestRules.run(new ManifestRules.Input(Map.of(), Map.of("Dockerfile", DockerfileText.parse("Dockerfile", text.replace("|", "\n"))),
                Optional.empty())).findings();
    }

    private static final String GOOD = "        image: example/web:1.0|        resources:|          limits:|            cpu: 2|            memory: 1Gi|"
            + "        env:|        - name: GOMAXPROCS|          value: \"2\"|        - name: GOMEMLIMIT|          value: 900MiB|"
            + "        readinessProbe:|          httpGet: {path: /healthz, port: 8080}|        livenessProbe:|          httpGet: {path: /healthz, port: 8080}|"
            + "        securityContext:|          runAsNonRoot: true|";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            a memory limit and no GOMEMLIMIT           ; name: GOMEMLIMIT    ; name: OTHER         ; K8S-MEMORY-LIMIT-WITHOUT-GOMEMLIMIT ; 14
            GOMEMLIMIT at the memory limit              ; value: 900MiB       ; value: 1GiB         ; K8S-GOMEMLIMIT-AT-OR-ABOVE-LIMIT    ; 18
            GOMAXPROCS above the CPU limit              ; value: "2"          ; value: "4"          ; K8S-GOMAXPROCS-ABOVE-CPU-LIMIT      ; 16
            no requests and no limits                   ; cpu: 2|            memory: 1Gi ; cpu: 2|            memory: 1Gi ; - ; 0
            a memory request without its limit         ; limits:|            cpu: 2|            memory: 1Gi ; limits:|            cpu: 2|          requests:|            memory: 1Gi ; K8S-REQUEST-WITHOUT-LIMIT ; 15
            an image with no tag                        ; image: example/web:1.0 ; image: example/web ; CONTAINER-IMAGE-UNPINNED ; 10
            the tag latest                              ; image: example/web:1.0 ; image: example/web:latest ; CONTAINER-IMAGE-UNPINNED ; 10
            no readiness probe                          ; readinessProbe:     ; startupProbe:       ; K8S-NO-PROBES ; 9
            runAsUser 0                                 ; runAsNonRoot: true  ; runAsUser: 0        ; CONTAINER-RUNS-AS-ROOT ; 25
            """)
    void eachKubernetesTrapIsFoundWhereItIsAndOnlyThere(String name, String good, String bad, String rule, int line) {
        assertThat(kube(GOOD, "")).as("the good container").isEmpty();
        if (rule.equals("-")) return;
        List<Finding> found = kube(GOOD.replace(good, bad), "");
        assertThat(found).extracting(Finding::ruleId).as(name).contains(rule);
        Finding f = found.stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow();
        assertThat(f.sources()).as(name).contains(new Source.File("web.yaml", line));
    }

    @org.junit.jupiter.api.Test
    void aContainerWithoutResourcesHasNoLimits() {
        String none = GOOD.replace("        resources:|          limits:|            cpu: 2|            memory: 1Gi|", "");
        assertThat(kube(none, "")).extracting(Finding::ruleId).containsExactly("K8S-NO-RESOURCE-LIMITS");
    }

    @org.junit.jupiter.api.Test
    void runAsNonRootOnThePodCoversItsContainers() {
        String noSc = GOOD.replace("        securityContext:|          runAsNonRoot: true|", "");
        assertThat(kube(noSc, "")).extracting(Finding::ruleId).containsExactly("CONTAINER-RUNS-AS-ROOT");
        assertThat(kube(noSc, "runAsNonRoot: true")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anImagePinnedByDigestPasses() {
        assertThat(kube(GOOD.replace("example/web:1.0", "example/web@sha256:" + "a".repeat(64)), "")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void scratchWithoutTheCaBundleIsFoundAndCopyingItPasses() {
        String base = "FROM golang:1.24 AS build|RUN CGO_ENABLED=0 go build -o /app .|FROM scratch|COPY --from=build /app /app|USER 65532|";
        assertThat(docker(base)).extracting(Finding::ruleId).containsExactly("DOCKERFILE-SCRATCH-WITHOUT-CA-CERTS");
        assertThat(docker(base + "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/|")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void cgoOnAlpineIsFoundAndAStaticBuildPasses() {
        String cgo = "FROM golang:1.24 AS build|RUN go build -o /app .|FROM alpine:3.20|COPY --from=build /app /app|USER 10001|";
        assertThat(docker(cgo)).extracting(Finding::ruleId).containsExactly("DOCKERFILE-CGO-BINARY-ON-MUSL");
        assertThat(docker(cgo.replace("RUN go build", "ENV CGO_ENABLED=0|RUN go build"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aDistrolessNonrootBaseIsNoRootEvenWithoutUser() {
        assertThat(docker("FROM gcr.io/distroless/static-debian12:nonroot|COPY app /app|")).isEmpty();
        assertThat(docker("FROM gcr.io/distroless/static-debian12:latest|COPY app /app|")).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CONTAINER-IMAGE-UNPINNED", "CONTAINER-RUNS-AS-ROOT");
    }
}
