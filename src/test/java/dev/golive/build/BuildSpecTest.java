package dev.golive.build;

import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildSpecTest {

    final BuildSpec spec = BuildSpec.defaults(Path.of("/src/hello"), List.of(BuildTarget.parse("linux/amd64/v3")));

    @Test
    void defaultsAreStaticTrimmedAndStripped() {
        assertThat(spec.env(spec.targets().get(0))).containsEntry("CGO_ENABLED", "0").containsEntry("GOAMD64", "v3")
                .containsEntry("GOOS", "linux").containsEntry("GOARCH", "amd64");
        assertThat(spec.goBuildArgv(Path.of("/src/hello/dist/hello-linux-amd64-v3")))
                .containsExactly("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", "/src/hello/dist/hello-linux-amd64-v3", ".");
        assertThat(spec.resolvedOutDir()).isEqualTo(Path.of("/src/hello/dist"));
    }

    @Test
    void aVersionIsStampedIntoMainVersion() {
        assertThat(spec.withVersion("1.4.0-rc1").effectiveLdflags()).isEqualTo("-s -w -X main.version=1.4.0-rc1");
        assertThat(spec.withVersion("1.4.0").withLdflags("").effectiveLdflags()).isEqualTo("-X main.version=1.4.0");
        assertThat(spec.withCgo(true).withTrimpath(false).goBuildArgv(Path.of("/o")))
                .containsExactly("go", "build", "-ldflags", "-s -w", "-o", "/o", ".");
    }

    @Test
    void versionAndNameCannotEscapeTheirPlace() {
        assertThatThrownBy(() -> spec.withVersion("1.0 -X main.evil=1"))
                .isInstanceOf(GoliveException.class).hasMessage("--version \"1.0 -X main.evil=1\": must not contain blanks, quotes or backslashes");
        assertThatThrownBy(() -> spec.withBinaryName("../etc/passwd"))
                .hasMessage("binary name \"../etc/passwd\": use letters, digits, '.', '_' and '-' only");
    }

    @ParameterizedTest
    @CsvSource({"example.com/hello,hello", "github.com/acme/api/v2,api", "hello,hello", "v2,v2", "example.com/a/cmd/server,server"})
    void binaryNameIsTheLastModulePathElement(String module, String name) {
        assertThat(BuildSpec.defaultBinaryName(module)).isEqualTo(name);
    }

    @Test
    void goModModuleLine() {
        assertThat(GoMod.modulePath("// comment\nmodule example.com/hello // trailing\n\ngo 1.19\n", "go.mod")).isEqualTo("example.com/hello");
        assertThat(GoMod.modulePath("module \"example.com/q\"\n", "go.mod")).isEqualTo("example.com/q");
        assertThatThrownBy(() -> GoMod.modulePath("go 1.19\n", "/x/go.mod")).hasMessage("/x/go.mod: no module line");
    }

    @Test
    void toolchainOutputParsing() {
        assertThat(GoToolchain.parseVersionOutput("go version go1.19.8 linux/amd64\n")).contains("go1.19.8");
        assertThat(GoToolchain.parseVersionOutput("go version devel go1.23-abc123 Mon Jan 1 linux/amd64\n"))
                .contains("devel go1.23-abc123 Mon Jan 1");
        assertThat(GoToolchain.parseVersionOutput("bash: go: command not found")).isEmpty();
        assertThat(GoToolchain.parseDistList("aix/ppc64\nlinux/amd64\n\njunk line\n")).containsExactly("aix/ppc64", "linux/amd64");
    }
}
