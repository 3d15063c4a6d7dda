package dev.golive.config;

import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two readers behind `golive check --manifest`: where each thing is, and what they refuse. */
class ContainerFilesParseTest {

    @Test
    void dockerfileInstructionsKeepTheirPlaceAcrossContinuationsCommentsAndHereDocuments() {
        List<DockerfileText.Instruction> in = DockerfileText.parse("Dockerfile", """
                # syntax=docker/dockerfile:1
                FROM golang:1.25 AS build
                RUN go build \\
                    # a comment inside
                    -o /out/app .
                RUN <<EOF
                echo not an instruction
                EOF
                  from scratch
                COPY --from=build /out/app /app
                """);
        assertThat(in).extracting(DockerfileText.Instruction::keyword).containsExactly("FROM", "RUN", "RUN", "FROM", "COPY");
        assertThat(in.get(1).args()).isEqualTo("go build -o /out/app .");
        assertThat(in.get(3).line()).isEqualTo(9);
        assertThat(in.get(3).col()).isEqualTo(3);
        assertThatThrownBy(() -> DockerfileText.parse("D", "FROM a:1\nRUN <<EOF\necho\n"))
                .isInstanceOf(GoliveException.class).hasMessage("D:2:1: here-document <<EOF has no closing EOF line");
        assertThatThrownBy(() -> DockerfileText.parse("D", "FROM a:1\nENTRYPOINT [\"/a\", 1]\n"))
                .isInstanceOf(GoliveException.class).hasMessage("D:2:1: ENTRYPOINT's exec form must be a JSON array of strings");
        assertThatThrownBy(() -> DockerfileText.parse("D", "FROM a:1\nUSER\n"))
                .isInstanceOf(GoliveException.class).hasMessage("D:2:1: USER without arguments");
    }

    @Test
    void yamlDocumentsKnowWhereEveryPathIs() {
        List<LocatedYaml.Doc> docs = LocatedYaml.parse("k.yaml", """
                apiVersion: v1
                kind: Service
                ---
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                  - name: a
                    image: "a:1"
                    resources: {limits: {cpu: 2}}
                """);
        assertThat(docs).hasSize(2);
        LocatedYaml.Doc pod = docs.get(1);
        assertThat(pod.at("spec.containers[0].image")).isEqualTo(new LocatedYaml.Loc(9, 12));
        assertThat(pod.at("spec.containers[0].resources.limits.cpu").line()).isEqualTo(10);
        assertThat(pod.at("spec.containers[0].resources.limits.memory").line()).as("falls back to the nearest known path").isEqualTo(10);
        assertThat(LocatedYaml.get(pod.tree(), "spec.containers[0].resources.limits.cpu")).contains("2");
        assertThat(LocatedYaml.get(pod.tree(), "spec.containers[1]")).isEmpty();
    }
}
