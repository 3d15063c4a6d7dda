package dev.golive.build;

import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetValidatorTest {

    /** Part of what `go tool dist list` prints for Go 1.19. */
    static final Set<String> DIST = GoToolchain.parseDistList("linux/386\nlinux/amd64\nlinux/arm\nlinux/arm64\nlinux/riscv64\nwindows/amd64\n");

    @ParameterizedTest(name = "{0} with go{1}")
    @CsvSource(delimiter = '|', textBlock = """
            linux/amd64                  | 1.19.8 | ''
            linux/amd64/v3               | 1.18.0 | ''
            linux/amd64/v3               | 1.17.13| target linux/amd64/v3: GOAMD64 needs Go 1.18 or later; the toolchain is go1.17.13
            linux/arm64/v8.2             | 1.23.0 | ''
            linux/arm64/v8.2             | 1.19.8 | target linux/arm64/v8.2: GOARM64 needs Go 1.23 or later; the toolchain is go1.19.8
            linux/arm/7                  | 1.19.8 | ''
            linux/amd65                  | 1.19.8 | target linux/amd65: go1.19.8 cannot build linux/amd65 (not in "go tool dist list")
            freebsd/amd64                | 1.19.8 | target freebsd/amd64: go1.19.8 cannot build freebsd/amd64 (not in "go tool dist list")
            linux/amd64 linux/amd64      | 1.19.8 | target linux/amd64: given twice
            linux/amd64/v2 linux/arm64/v8.1 | 1.19.8 | target linux/arm64/v8.1: GOARM64 needs Go 1.23 or later; the toolchain is go1.19.8
            """)
    void checksTargetsAgainstTheToolchain(String targets, String go, String expected) {
        List<BuildTarget> ts = Arrays.stream(targets.split(" ")).map(BuildTarget::parse).toList();
        GoVersion v = GoVersion.parse(go).orElseThrow();
        List<String> problems = TargetValidator.problems(DIST, v, ts);
        if (expected.isEmpty()) assertThat(problems).isEmpty();
        else assertThat(problems).containsExactly(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            linux | arm64 | v3 |    |      | target linux/arm64/v3: GOAMD64 applies only to GOARCH=amd64
            linux | amd64 |    | 7  |      | target linux/amd64/v7: GOARM applies only to GOARCH=arm
            linux | arm   |    |    | v8.0 | target linux/arm/v8.0: GOARM64 applies only to GOARCH=arm64
            """)
    void levelsOnlyForTheirOwnArchitecture(String goos, String goarch, String amd64, String arm, String arm64, String expected) {
        BuildTarget t = new BuildTarget(goos, goarch, Optional.ofNullable(amd64), Optional.ofNullable(arm), Optional.ofNullable(arm64));
        assertThat(TargetValidator.problems(DIST, GoVersion.of(1, 23, 0), List.of(t)))
                .contains(expected);
    }

    @Test
    void checkThrowsTheFirstProblemAndCountsTheRest() {
        var ts = List.of(BuildTarget.parse("linux/amd65"), BuildTarget.parse("linux/arm64/v8.2"));
        assertThatThrownBy(() -> TargetValidator.check(DIST, GoVersion.of(1, 19, 8), ts))
                .isInstanceOf(GoliveException.class)
                .hasMessage("target linux/amd65: go1.19.8 cannot build linux/amd65 (not in \"go tool dist list\") (and 1 more)");
        assertThat(TargetValidator.problems(DIST, GoVersion.of(1, 19, 8), List.of())).containsExactly("no build target given");
    }
}
