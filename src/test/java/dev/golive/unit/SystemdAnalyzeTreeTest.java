package dev.golive.unit;

import dev.golive.host.AccessLog;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.Fact;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.golive.unit.SystemdAnalyzeFallbackTest.out;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * `v` (verify) on an image tree: this machine's systemd-analyze speaks for the tree only when it
 * is the tree's systemd version, and then looks inside the tree (--root=): the binary, the base
 * unit, the other drop-ins are the tree's, not this machine's. The tree is left as it was.
 */
class SystemdAnalyzeTreeTest {

    @TempDir Path tree;

    private static Fact<Integer> treeSystemd(int v) { return Fact.of(v, Source.File.of("/usr/lib/systemd/libsystemd-shared-" + v + ".so")); }

    @Test
    void anotherSystemdInTheTreeIsNotVerifiedByThisMachines() {
        var r = new SystemdAnalyzeFallbackTest.ScriptedRunner(argv -> argv.get(1).equals("--version") ? out(argv, 0, "systemd 252 (252.39-1~deb12u2)\n", "") : null);
        UnitAnalysis a = new SystemdAnalyze(r, Optional.of(new SystemdAnalyze.Tree(tree, treeSystemd(247)))).analyze(SystemdAnalyzeFallbackTest.unit());
        assertThat(a.verify()).isEqualTo(Fact.unknown("the tree has systemd 247 and this machine's systemd-analyze is 252: "
                + "it would judge the unit by 252's directives, not the tree's; not run"));
        assertThat(a.security().known()).isFalse();
        assertThat(r.ran).hasSize(1);

        UnitAnalysis unknown = new SystemdAnalyze(r, Optional.of(new SystemdAnalyze.Tree(tree, Fact.unknown("no libsystemd-shared"))))
                .analyze(SystemdAnalyzeFallbackTest.unit());
        assertThat(unknown.verify().known()).isFalse();
        assertThat(((Fact.Unknown<?>) unknown.verify()).reason()).startsWith("the tree's systemd version is unknown (no libsystemd-shared)");
    }

    @Test
    void theSameSystemdVerifiesInsideTheTree() throws IOException {
        Path control = tree.resolve("run/systemd/system.control/app.service");
        Files.createDirectories(tree.resolve("run"));
        var r = new SystemdAnalyzeFallbackTest.ScriptedRunner(argv -> switch (argv.get(1)) {
            case "--version" -> out(argv, 0, "systemd 252 (252.39-1~deb12u2)\n", "");
            case "verify" -> {
                assertThat(control).as("the unit is where systemd looks inside the tree").exists();
                yield out(argv, 0, "", control + ":14: Unknown key 'Foo' in section [Service], ignoring.\n"
                        + tree.resolve("usr/lib/systemd/system/db.service") + ":3: Bad thing\n");
            }
            case "security" -> out(argv, 0, "→ Overall exposure level for app.service: 3.2 OK 🙂\n", "");
            default -> null;
        });
        UnitAnalysis a = new SystemdAnalyze(r, Optional.of(new SystemdAnalyze.Tree(tree, treeSystemd(252)))).analyze(SystemdAnalyzeFallbackTest.unit());
        assertThat(r.ran.get(1)).containsExactly("systemd-analyze", "verify", "--no-pager", "--man=no", "--root=" + tree, "app.service");
        assertThat(r.ran.get(2)).containsExactly("systemd-analyze", "security", "--no-pager", "--offline=true", "--root=" + tree, "app.service");
        assertThat(a.verify().opt().orElseThrow()).extracting(UnitAnalysis.VerifyMessage::describe).containsExactly(
                "/etc/systemd/system/app.service:14: Unknown key 'Foo' in section [Service], ignoring. [exec]",
                "/usr/lib/systemd/system/db.service:3: Bad thing");
        assertThat(a.security().opt().orElseThrow().exposure()).isEqualTo(3.2);
        assertThat(tree.resolve("run")).as("the tree is left as it was").isEmptyDirectory();
    }

    @Test
    void theRealSystemdAnalyzeFindsTheBinaryInTheTreeNotOnThisMachine() throws IOException {
        SystemdAnalyze here = RealSystemdAnalyze.require();
        int v = here.version().opt().orElseThrow();
        assertThat(Path.of("/usr/local/bin/app")).as("this test needs a machine without /usr/local/bin/app").doesNotExist();
        Files.createDirectories(tree.resolve("usr/local/bin"));
        Files.copy(Path.of("/bin/true"), tree.resolve("usr/local/bin/app"));
        Files.createDirectories(tree.resolve("etc/systemd/system"));
        SystemdAnalyze inTree = new SystemdAnalyze(new ProcessCommandRunner(new AccessLog()), Optional.of(new SystemdAnalyze.Tree(tree, treeSystemd(v))));
        List<UnitAnalysis.VerifyMessage> found = inTree.analyze(SystemdAnalyzeFallbackTest.unit()).verify().opt().orElseThrow();
        assertThat(found).extracting(UnitAnalysis.VerifyMessage::message).noneMatch(m -> m.contains("not executable"));
        // the same unit checked as this machine: its binary is missing here
        List<UnitAnalysis.VerifyMessage> asHere = here.analyze(SystemdAnalyzeFallbackTest.unit()).verify().opt().orElseThrow();
        assertThat(asHere).extracting(UnitAnalysis.VerifyMessage::message).anyMatch(m -> m.contains("/usr/local/bin/app is not executable"));
        assertThat(tree.resolve("run")).doesNotExist();
    }
}
