package dev.golive.build;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildTargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            linux/amd64       | linux | amd64 |         |   | linux/amd64       | hello-linux-amd64
            linux/amd64/v3    | linux | amd64 | GOAMD64 | v3| linux/amd64/v3    | hello-linux-amd64-v3
            linux/arm/7       | linux | arm   | GOARM   | 7 | linux/arm/v7      | hello-linux-arm-v7
            linux/arm/v6      | linux | arm   | GOARM   | 6 | linux/arm/v6      | hello-linux-arm-v6
            linux/arm64/v8.2  | linux | arm64 | GOARM64 | v8.2 | linux/arm64/v8.2 | hello-linux-arm64-v8.2
            linux/arm64/v9.5  | linux | arm64 | GOARM64 | v9.5 | linux/arm64/v9.5 | hello-linux-arm64-v9.5
            ' linux/riscv64 ' | linux | riscv64 |       |   | linux/riscv64     | hello-linux-riscv64
            windows/amd64     | windows | amd64 |       |   | windows/amd64     | hello-windows-amd64.exe
            linux/386         | linux | 386   |         |   | linux/386         | hello-linux-386
            windows/386       | windows | 386 |         |   | windows/386       | hello-windows-386.exe
            """)
    void parsesTheTextFormsAnAdminTypes(String text, String goos, String goarch, String levelVar, String levelValue,
                                        String canonical, String fileName) {
        BuildTarget t = BuildTarget.parse(text);
        assertThat(t.goos()).isEqualTo(goos);
        assertThat(t.goarch()).isEqualTo(goarch);
        assertThat(t.levelValue()).isEqualTo(Optional.ofNullable(levelValue));
        if (levelVar != null) assertThat(t.env()).containsEntry(levelVar, levelValue);
        assertThat(t.text()).isEqualTo(canonical);
        assertThat(BuildTarget.parse(t.text())).isEqualTo(t);
        assertThat(BuildSpec.fileName("hello", t)).isEqualTo(fileName);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            linux               | bad target "linux": expected GOOS/GOARCH[/LEVEL], e.g. linux/amd64, linux/amd64/v3, linux/arm/7, linux/arm64/v8.2
            ''                  | bad target "": expected GOOS/GOARCH[/LEVEL], e.g. linux/amd64, linux/amd64/v3, linux/arm/7, linux/arm64/v8.2
            Linux/AMD64         | bad target "Linux/AMD64": expected GOOS/GOARCH[/LEVEL], e.g. linux/amd64, linux/amd64/v3, linux/arm/7, linux/arm64/v8.2
            linux/amd64/v3/x    | bad target "linux/amd64/v3/x": expected GOOS/GOARCH[/LEVEL], e.g. linux/amd64, linux/amd64/v3, linux/arm/7, linux/arm64/v8.2
            linux//amd64        | bad target "linux//amd64": expected GOOS/GOARCH[/LEVEL], e.g. linux/amd64, linux/amd64/v3, linux/arm/7, linux/arm64/v8.2
            linux/amd64/v5      | bad target "linux/amd64/v5": GOAMD64 level must be v1, v2, v3 or v4
            linux/amd64/3       | bad target "linux/amd64/3": GOAMD64 level must be v1, v2, v3 or v4
            linux/arm/8         | bad target "linux/arm/8": GOARM must be 5, 6 or 7 (or v5, v6, v7)
            linux/arm64/v8.10   | bad target "linux/arm64/v8.10": GOARM64 must be v8.0..v8.9 or v9.0..v9.5
            linux/arm64/v9.6    | bad target "linux/arm64/v9.6": GOARM64 must be v8.0..v8.9 or v9.0..v9.5
            linux/riscv64/v2    | bad target "linux/riscv64/v2": a level is accepted only for amd64 (v1..v4), arm (5..7) and arm64 (v8.0..v9.5)
            """)
    void rejectsBadTextWithOneLineSayingWhatIsAccepted(String text, String message) {
        assertThatThrownBy(() -> BuildTarget.parse(text == null ? "" : text))
                .isInstanceOfSatisfying(GoliveException.class, g -> assertThat(g.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage(message);
    }

    @Test
    void aPlainTargetClearsLevelsInheritedFromTheShell() {
        assertThat(BuildTarget.parse("linux/amd64").env())
                .containsEntry("GOAMD64", "").containsEntry("GOARM", "").containsEntry("GOARM64", "").containsEntry("GO386", "");
    }
}
