package dev.golive.check;

import dev.golive.config.DockerfileText;
import dev.golive.model.Finding;
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
 * `golive check --manifest` on Dockerfiles, read by config.DockerfileText as the CLI reads them:
 * which stage runs (the last), as whom, on which libc, with which certificates, from which image.
 */
class ManifestDockerfileRulesTest {

    static CheckReport check(String dockerfile) {
        return ManifestRules.run(new ManifestRules.Input(Map.of(), Map.of("Dockerfile", DockerfileText.parse("Dockerfile", dockerfile)), Optional.empty()));
    }

    static List<String> found(String dockerfile) {
        return check(dockerfile).findings().stream().map(ManifestKubernetesRulesTest::line).toList();
    }

    static final String BUILD = "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\n";

    @Test
    void aStaticBuildOnDistrolessNonrootHasNothingToSay() {
        assertThat(found(BUILD + "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n")).isEmpty();
    }

    @Test
    void theUserOfTheLastStageIsTheOneThatRuns() {
        // USER in the build stage only: the image runs as root
        assertThat(found("FROM golang:1.22 AS build\nUSER 1000\nRUN CGO_ENABLED=0 go build -o /app .\nFROM debian:12\nCOPY --from=build /app /app\n"))
                .containsExactly("CONTAINER-RUNS-AS-ROOT: the last stage (FROM debian:12) has no USER: the process runs as root @ Dockerfile:4");
        // the last USER of the last stage counts
        assertThat(found(BUILD + "FROM debian:12\nUSER root\nRUN apt-get update\nUSER 1000:1000\n")).isEmpty();
        assertThat(found(BUILD + "FROM debian:12\nUSER 1000\nUSER 0:0\n"))
                .containsExactly("CONTAINER-RUNS-AS-ROOT: the last stage sets USER 0:0 @ Dockerfile:5");
        assertThat(found(BUILD + "FROM debian:12\nUSER  root:staff \n"))
                .containsExactly("CONTAINER-RUNS-AS-ROOT: the last stage sets USER root:staff @ Dockerfile:4");
        assertThat(found(BUILD + "FROM debian:12\nUSER app\n")).isEmpty();
        // distroless' nonroot images run as 65532 without a USER line; its other images as root
        assertThat(found(BUILD + "FROM gcr.io/distroless/base:latest-amd64\n"))
                .containsExactly("CONTAINER-RUNS-AS-ROOT: the last stage (FROM gcr.io/distroless/base:latest-amd64) has no USER: the process runs as root @ Dockerfile:3");
        assertThat(found(BUILD + "FROM example/nonroot:1\n"))
                .containsExactly("CONTAINER-RUNS-AS-ROOT: the last stage (FROM example/nonroot:1) has no USER: the process runs as root @ Dockerfile:3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ | -
            ADD ca-certificates.crt /etc/ssl/certs/                             | -
            COPY --from=build /etc/ssl /etc/ssl                                 | -
            COPY --from=build /app /app                                         | the last stage is FROM scratch and copies no CA certificates (/etc/ssl/certs/ca-certificates.crt) @ Dockerfile:3
            ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt                | the last stage is FROM scratch and copies no CA certificates (/etc/ssl/certs/ca-certificates.crt) @ Dockerfile:3
            """)
    void scratchNeedsTheCaCertificatesCopiedIn(String line, String expected) {
        CheckReport r = check(BUILD + "FROM scratch\n" + line + "\nUSER 65532\n");
        if (expected.equals("-")) {
            assertThat(r.findings()).isEmpty();
        } else {
            assertThat(r.findings()).extracting(ManifestKubernetesRulesTest::line).containsExactly("DOCKERFILE-SCRATCH-WITHOUT-CA-CERTS: " + expected);
            assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARN);
        }
    }

    @Test
    void onlyTheLastStageNeedsCertificates() {
        assertThat(found("FROM scratch AS empty\nFROM debian:12\nUSER 1000\n")).isEmpty();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RUN go build -o /app .                        | alpine:3.20        | stage FROM golang:1.22 builds without CGO_ENABLED=0 (glibc, cgo on), and the last stage is FROM alpine:3.20 (musl)
            RUN go build -o /app .                        | docker.io/library/alpine:edge | stage FROM golang:1.22 builds without CGO_ENABLED=0 (glibc, cgo on), and the last stage is FROM docker.io/library/alpine:edge (musl)
            RUN go build -o /app .                        | example/app:1-alpine | stage FROM golang:1.22 builds without CGO_ENABLED=0 (glibc, cgo on), and the last stage is FROM example/app:1-alpine (musl)
            RUN go build -o /app .                        | debian:12          | -
            RUN go build -o /app .                        | example/alpine-tools:1 | -
            RUN CGO_ENABLED=0 go build -o /app .          | alpine:3.20        | -
            RUN CGO_ENABLED="0" go build -o /app .        | alpine:3.20        | -
            RUN CGO_ENABLED=01 go build -o /app .         | alpine:3.20        | stage FROM golang:1.22 builds without CGO_ENABLED=0 (glibc, cgo on), and the last stage is FROM alpine:3.20 (musl)
            RUN CGO_ENABLED=1 go build -o /app .          | alpine:3.20        | stage FROM golang:1.22 builds without CGO_ENABLED=0 (glibc, cgo on), and the last stage is FROM alpine:3.20 (musl)
            RUN go vet ./...                              | alpine:3.20        | -
            CMD go build                                  | alpine:3.20        | -
            """)
    void aCgoBuildOnGlibcCopiedOntoMuslIsAnError(String build, String base, String expected) {
        CheckReport r = check("FROM golang:1.22 AS build\n" + build + "\nFROM " + base + "\nCOPY --from=build /app /app\nUSER 1000\n");
        if (expected.equals("-")) {
            assertThat(r.findings()).isEmpty();
            return;
        }
        assertThat(r.findings()).extracting(ManifestKubernetesRulesTest::line)
                .containsExactly("DOCKERFILE-CGO-BINARY-ON-MUSL: " + expected + " @ Dockerfile:1, Dockerfile:3");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void cgoOffSetByEnvOrArgInTheBuildStageCounts() {
        assertThat(found("FROM golang:1.22 AS build\nENV CGO_ENABLED=0\nRUN go build -o /app .\nFROM alpine:3.20\nUSER 1000\n")).isEmpty();
        assertThat(found("FROM golang:1.22 AS build\nARG CGO_ENABLED=0\nRUN go build -o /app .\nFROM alpine:3.20\nUSER 1000\n")).isEmpty();
        assertThat(found("FROM golang:1.22 AS build\nENV CGO_ENABLED 0\nRUN go build -o /app .\nFROM alpine:3.20\nUSER 1000\n")).isEmpty();
        // set in another stage it does not reach this one's build
        assertThat(found("FROM golang:1.22 AS a\nENV CGO_ENABLED=0\nFROM golang:1.22 AS b\nRUN go build -o /app .\nFROM alpine:3.20\nUSER 1000\n"))
                .containsExactly("DOCKERFILE-CGO-BINARY-ON-MUSL: stage FROM golang:1.22 builds without CGO_ENABLED=0 (glibc, cgo on), and the last stage is "
                        + "FROM alpine:3.20 (musl) @ Dockerfile:3, Dockerfile:5");
    }

    @Test
    void aBuildOnAlpineOrAnImageThatIsNotGolangLinksAgainstMusl() {
        assertThat(found("FROM golang:1.22-alpine AS build\nRUN go build -o /app .\nFROM alpine:3.20\nUSER 1000\n")).isEmpty();
        assertThat(found("FROM example/builder:1 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nUSER 1000\n")).isEmpty();
        // the last stage itself is never its own build stage
        assertThat(found("FROM golang:1.22\nRUN go build -o /app .\nUSER 1000\n")).isEmpty();
    }

    @ParameterizedTest(name = "FROM {0}")
    @CsvSource(delimiter = '|', textBlock = """
            debian                           | FROM debian (no tag: latest) @ Dockerfile:1
            debian:latest                    | FROM debian:latest @ Dockerfile:1
            registry:5000/debian             | FROM registry:5000/debian (no tag: latest) @ Dockerfile:1
            --platform=linux/amd64 debian    | FROM debian (no tag: latest) @ Dockerfile:1
            debian:12                        | -
            registry:5000/debian:12          | -
            debian@sha256:0123               | -
            scratch                          | -
            ${BASE}                          | -
            """)
    void aBaseWithoutTagOrTaggedLatestIsUnpinned(String from, String expected) {
        CheckReport r = check("FROM " + from + "\nUSER 1000\nCOPY ca-certificates.crt /etc/ssl/certs/\n");
        if (expected.equals("-")) assertThat(r.findings()).isEmpty();
        else assertThat(r.findings()).extracting(ManifestKubernetesRulesTest::line).containsExactly("CONTAINER-IMAGE-UNPINNED: " + expected);
    }

    @Test
    void aStageNamedEarlierIsNotAnImage() {
        assertThat(found("FROM golang:1.22 AS Build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM build\nUSER 1000\n")).isEmpty();
        // an AS without a name names no stage
        assertThat(found("FROM debian:12 AS\nUSER 1000\n")).isEmpty();
        // a stage name is only known after its FROM: before that it is an image from a registry
        assertThat(found("FROM tools\nFROM golang:1.22 as tools\nUSER 1000\n"))
                .containsExactly("CONTAINER-IMAGE-UNPINNED: FROM tools (no tag: latest) @ Dockerfile:1");
    }

    @Test
    void theImageOfAFromIsItsFirstWordThatIsNotAFlag() {
        var from = DockerfileText.parse("Dockerfile", "FROM --platform=$BUILDPLATFORM   golang:1.22 AS build\n").get(0);
        assertThat(ManifestRules.image(from)).isEqualTo("golang:1.22");
        assertThat(ManifestRules.unpinned("golang")).isTrue();
        assertThat(ManifestRules.unpinned("golang:latest")).isTrue();
        assertThat(ManifestRules.unpinned("golang:1.22")).isFalse();
        assertThat(ManifestRules.unpinned("localhost:5000/golang")).isTrue();
        assertThat(ManifestRules.unpinned("golang@sha256:ab")).isFalse();
    }

    @Test
    void instructionsBeforeTheFirstFromBelongToNoStage() {
        assertThat(found("ARG BASE=debian:12\nFROM debian:12\nUSER 1000\n")).isEmpty();
        assertThatThrownBy(() -> check("ARG BASE=debian:12\n")).isInstanceOf(GoliveException.class)
                .hasMessage("Dockerfile:1:1: no FROM instruction: not a Dockerfile");
    }

    @Test
    void findingsOfSeveralFilesAreOrderedBySeverityRuleAndPlace() {
        var files = new java.util.LinkedHashMap<String, List<DockerfileText.Instruction>>();
        files.put("b/Dockerfile", DockerfileText.parse("b/Dockerfile", "FROM debian\n"));
        files.put("a/Dockerfile", DockerfileText.parse("a/Dockerfile", "FROM golang:1.22 AS b\nRUN go build\nFROM alpine\n"));
        CheckReport r = ManifestRules.run(new ManifestRules.Input(Map.of(), files, Optional.empty()));
        assertThat(r.findings()).extracting(ManifestKubernetesRulesTest::line).containsExactly(
                "DOCKERFILE-CGO-BINARY-ON-MUSL: stage FROM golang:1.22 builds without CGO_ENABLED=0 (glibc, cgo on), and the last stage is FROM alpine (musl) @ a/Dockerfile:1, a/Dockerfile:3",
                "CONTAINER-IMAGE-UNPINNED: FROM alpine (no tag: latest) @ a/Dockerfile:3",
                "CONTAINER-IMAGE-UNPINNED: FROM debian (no tag: latest) @ b/Dockerfile:1",
                "CONTAINER-RUNS-AS-ROOT: the last stage (FROM alpine) has no USER: the process runs as root @ a/Dockerfile:3",
                "CONTAINER-RUNS-AS-ROOT: the last stage (FROM debian) has no USER: the process runs as root @ b/Dockerfile:1");
        assertThat(r.findings()).extracting(Finding::severity).startsWith(Severity.ERROR, Severity.WARN);
    }
}
