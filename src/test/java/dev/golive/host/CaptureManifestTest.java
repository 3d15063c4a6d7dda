package dev.golive.host;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CaptureManifestTest {

    private static final String SRC = "cap/golive-capture.json";

    private static GoliveException refused(String json) {
        GoliveException e = catchThrowableOfType(() -> CaptureManifest.parse(SRC, json), GoliveException.class);
        assertThat(e).as("refused: " + json).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() {
        String json = "{\n  \"format\": 1,\n  \"commands\": {\"uname -m\": \"x86_64\\n\",}\n}\n";
        assertThat(refused(json).getMessage()).startsWith(SRC + ":3:").contains(": not valid JSON: ");
        assertThat(refused(json).getMessage()).matches("cap/golive-capture\\.json:3:\\d+: not valid JSON: .*");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[1, 2]                                        | cap/golive-capture.json: not a golive capture (expected a JSON object)",
            "{}                                            | cap/golive-capture.json: missing \"format\"",
            "{\"format\": \"one\"}                         | cap/golive-capture.json: missing \"format\"",
            "{\"format\": 2}                               | cap/golive-capture.json: capture format 2 is not supported (this golive reads format 1)",
            "{\"format\": 1, \"commands\": [\"uname\"]}    | cap/golive-capture.json: \"commands\" must be an object",
            "{\"format\": 1, \"commands\": {\"go version\": 3}} | cap/golive-capture.json: commands[\"go version\"] must be a string",
            "{\"format\": 1, \"commands\": {\"go version\": null}} | cap/golive-capture.json: commands[\"go version\"] must be a string",
    })
    void wrongShapesAreOneLineErrors(String json, String message) {
        assertThat(refused(json).getMessage()).isEqualTo(message);
    }

    @Test
    void aMinimalManifestReadsWithDefaultsAndUnknownKeysAreIgnored() {
        CaptureManifest m = CaptureManifest.parse(SRC, "{\"format\": 1, \"futureKey\": {\"x\": 1}}");
        assertThat(m.commands()).isEmpty();
        assertThat(m.absent()).isEmpty();
        assertThat(m.capturedAt()).isNull();
        assertThat(m.machine()).isNull();
    }

    @Test
    void toJsonThenParseGivesTheSameManifest() {
        CaptureManifest m = new CaptureManifest(1, "2024-03-05T09:14:27Z", "api-1", "x86_64", "6.1.0-18-amd64",
                Map.of("systemctl --version", "systemd 252 (252.22-1~deb12u1)\n", "go env -json GOROOT GOPATH GOPROXY GOSUMDB GOFLAGS GOCACHE GOTOOLCHAIN GOVERSION GOOS GOARCH GOAMD64 CGO_ENABLED GOPRIVATE GONOSUMDB", "{\n\t\"GOOS\": \"linux\"\n}\n"),
                List.of("/run/sysctl.d", "/proc/sys/net/ipv4/tcp_tw_recycle"), List.of("go version"));
        assertThat(CaptureManifest.parse(SRC, m.toJson())).isEqualTo(m);
    }
}
