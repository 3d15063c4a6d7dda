package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guide told the admin of the Debian 12 host to `go env -w GOSUMDB=sum.golang.org+https://sum.golang.org`
 * and `GOPROXY=goproxy|direct`: the go command refuses both, and `check` says so in its words.
 */
class GoEnvMalformedTest {

    @TempDir Path tmp;

    @Test
    void theGoCommandsOwnErrorsAreNamed() throws IOException {
        Path t = tmp.resolve("debian12-vm");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Path manifest = t.resolve("golive-capture.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\\\"GOPROXY\\\": \\\"https://proxy.golang.org,direct\\\"", "\\\"GOPROXY\\\": \\\"goproxy|direct\\\"")
                .replace("\\\"GOSUMDB\\\": \\\"sum.golang.org\\\"", "\\\"GOSUMDB\\\": \\\"sum.golang.org+https://sum.golang.org\\\""));
        List<Finding> found;
        try (Session s = Session.open(t.toString())) {
            found = Checker.run(s.inspect()).findings().stream().filter(f -> f.ruleId().equals("GO-ENV-MALFORMED")).toList();
        }
        assertThat(found).extracting(Finding::message).containsExactlyInAnyOrder(
                "go env GOPROXY=goproxy|direct: invalid proxy URL scheme (must be https, http, file): goproxy",
                "go env GOSUMDB=sum.golang.org+https://sum.golang.org: invalid GOSUMDB: malformed verifier id");
    }

    @Test
    void theFixturesDefaultsAreFine() {
        assertThat(Checker.run(Fixtures.inspect("debian12-vm")).ruleIds()).doesNotContain("GO-ENV-MALFORMED");
    }
}
