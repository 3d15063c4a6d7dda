package dev.golive.inspect;

import dev.golive.host.CommandResult;
import dev.golive.model.Fact;
import dev.golive.model.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Go version golive reports is the same word whether `go env` (GOVERSION) or `go version`
 * told it: both print runtime.Version(), `go version` between "go version " and "GOOS/GOARCH".
 */
class GoVersionWordTest {

    private static CommandResult ok(String stdout, String... argv) {
        return new CommandResult(List.of(argv), 0, stdout, "", Duration.ZERO, Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "go1.19.8                                 | go1.19.8",
            "go1.21.0 X:boringcrypto                  | go1.21.0",
            "devel go1.23-abc123 Mon Jan 1 10:00:00 2024 +0000 | devel"})
    void bothSourcesGiveTheSameWord(String runtimeVersion, String word) {
        CommandResult env = ok("{}", "go", "env", "-json", "GOVERSION");
        assertThat(GoProbe.fromGoVersion(runtimeVersion, env)).isEqualTo(Fact.of(word, new Source.Command("go env -json GOVERSION")));
        CommandResult version = ok("go version " + runtimeVersion + " linux/amd64\n", "go", "version");
        assertThat(GoProbe.fromVersionCommand(version)).isEqualTo(Fact.of(word, new Source.Command("go version")));
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'  '"})
    void anEmptyGoversionTellsNothing(String goversion) {
        assertThat(GoProbe.fromGoVersion(goversion, ok("{}", "go", "env")).known()).isFalse();
    }
}
