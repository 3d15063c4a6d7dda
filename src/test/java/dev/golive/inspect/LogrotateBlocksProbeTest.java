package dev.golive.inspect;

import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.model.Fact;
import dev.golive.model.LogRotation;
import dev.golive.model.LogrotateBlocks;
import dev.golive.model.LogrotateHost.LogDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's logrotate files, read as logrotate reads them: the su in force for each block
 * (a global su reaches what is read after it, in later included files too), and the directories
 * logrotate checks for each pattern, found by its glob.
 */
class LogrotateBlocksProbeTest {

    @TempDir Path base;

    DirectoryHostRoot root() { return new DirectoryHostRoot(base, false, "test", new AccessLog()); }

    void write(String hostPath, String text) throws IOException {
        Path p = base.resolve(hostPath.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    Path dir(String hostPath, int mode) throws IOException {
        Path p = Files.createDirectories(base.resolve(hostPath.substring(1)));
        Files.setAttribute(p, "unix:mode", mode);
        return p;
    }

    @Test
    void aGlobalSuHoldsForWhatIsReadAfterItOnlyAcrossIncludedFiles() throws IOException {
        write("/etc/logrotate.conf", "weekly\ninclude /etc/logrotate.d\nsu root root\n/var/log/late.log {\n}\n");
        write("/etc/logrotate.d/a", "/var/log/a.log {\n}\n");
        write("/etc/logrotate.d/m", "su root adm\n/var/log/m.log {\n}\n/var/log/own.log {\n  su www-data www-data\n}\n");
        write("/etc/logrotate.d/z", "/var/log/z.log {\n}\n");
        Fact<LogRotation> read = LogRotateProbe.probe(root());
        Map<String, String> su = read.opt().orElseThrow().patterns().stream().collect(Collectors.toMap(LogRotation.Rotated::glob,
                r -> r.su().map(s -> s.user() + " " + s.group() + " @" + s.source().describe()).orElse("none")));
        assertThat(su).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/var/log/a.log", "none",
                "/var/log/m.log", "root adm @/etc/logrotate.d/m:1",
                "/var/log/own.log", "www-data www-data @/etc/logrotate.d/m:5",
                "/var/log/z.log", "root adm @/etc/logrotate.d/m:1",
                "/var/log/late.log", "root root @/etc/logrotate.conf:3"));
        assertThat(read.opt().get().patterns()).extracting(LogRotation.Rotated::glob)
                .as("logrotate's reading order: an include is read where it stands")
                .containsExactly("/var/log/a.log", "/var/log/m.log", "/var/log/own.log", "/var/log/z.log", "/var/log/late.log");
    }

    @Test
    void eachPatternsDirectoriesAreTheParentsOfWhatItsGlobFinds() throws IOException {
        dir("/var/log/app", 0777);
        write("/var/log/app/x.log", "");
        write("/var/log/app/y.log", "");
        write("/var/log/app/.hidden.log", "");
        dir("/var/log/app/old.log", 0755); // a directory the glob takes: logrotate skips it
        dir("/var/log/empty", 0777);       // nothing matches: logrotate keeps the pattern itself (GLOB_NOCHECK)
        dir("/var/log/d1", 0777);
        write("/var/log/d1/deep.log", "");
        dir("/var/log/d2", 0777);          // no deep.log: not a directory logrotate checks
        dir("/var/log/ok", 0755);
        write("/var/log/ok/ok.log", "");
        write("/etc/logrotate.conf", """
                /var/log/app/*.log {
                }
                /var/log/empty/*.log /var/log/*/deep.log /var/log/missing/*.log /var/log/ok/ok.log {
                }
                """);
        Fact<LogrotateBlocks> blocks = LogrotateBlocksProbe.probe(root(), LogRotateProbe.probe(root()));
        Map<String, List<String>> dirs = blocks.opt().orElseThrow().patterns().stream().collect(Collectors.toMap(
                p -> p.rotated().glob(), p -> p.dirs().stream().map(d -> d.opt().map(LogDir::path).orElse("?")
                        + (d.opt().map(LogDir::refusedWithoutSu).orElse(false) ? " refused" : "")
                        + (d.opt().map(LogDir::exists).orElse(true) ? "" : " missing")).toList()));
        assertThat(dirs).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/var/log/app/*.log", List.of("/var/log/app refused"),
                "/var/log/empty/*.log", List.of("/var/log/empty refused"),
                "/var/log/*/deep.log", List.of("/var/log/d1 refused"),
                "/var/log/missing/*.log", List.of("/var/log/missing missing"),
                "/var/log/ok/ok.log", List.of("/var/log/ok")));
        assertThat(new LogrotateBlocksProbe.Glob(root()).files("/var/log/app/*.log")).containsExactly("/var/log/app/x.log", "/var/log/app/y.log");
    }

    @Test
    void aCaptureKeepsNoOwnersSoNothingIsReadAndTheReasonSaysSo() throws IOException {
        dir("/var/log/app", 0777);
        write("/etc/logrotate.conf", "/var/log/app/*.log {\n}\n");
        DirectoryHostRoot capture = new DirectoryHostRoot(base, false, "capture", new AccessLog(), java.util.Set.of());
        assertThat(LogrotateBlocksProbe.ownersKnown(capture)).isFalse();
        Fact<LogrotateBlocks> blocks = LogrotateBlocksProbe.probe(capture, LogRotateProbe.probe(capture));
        assertThat(blocks).isEqualTo(Fact.unknown(LogrotateBlocksProbe.NO_OWNERS));
        assertThat(LogrotateBlocksProbe.ownersKnown(root())).isTrue();
    }

    static dev.golive.host.FakeCommandRunner noCommands() {
        return new dev.golive.host.FakeCommandRunner()
                .expectNotFound("systemd-detect-virt", "--vm")
                .expectNotFound("systemd-detect-virt", "--container")
                .expectNotFound("systemctl", "--version")
                .expectNotFound("go", "version")
                .expectNotFound("go", "env", "-json", "GOROOT", "GOPATH", "GOPROXY", "GOSUMDB", "GOFLAGS", "GOCACHE", "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED", "GOPRIVATE", "GONOSUMDB")
                .expectNotFound("uname", "-m")
                .expectNotFound("uname", "-r");
    }

    @Test
    void anInspectionReadsLogrotatesVersionOnlyWhereADirectoryIsRefusedAndACaptureListsNoLogDirectory() throws IOException {
        dir("/var/log/app", 0777);
        write("/var/log/app/app.log", "a line that must not travel in a capture\n");
        write("/etc/logrotate.conf", "/var/log/app/*.log {\n}\n");
        write("/var/lib/dpkg/status", "Package: logrotate\nStatus: install ok installed\nVersion: 3.8.7-1\n\n");
        AccessLog log = new AccessLog();
        var facts = Inspector.inspect(new DirectoryHostRoot(base, false, "tree", log), noCommands(), Inspector.Options.defaults());
        LogrotateBlocks blocks = facts.logrotate().opt().orElseThrow();
        assertThat(blocks.version()).isEqualTo(Fact.of("3.8.7", new dev.golive.model.Source.File("/var/lib/dpkg/status", 3)));
        assertThat(blocks.patterns()).singleElement().satisfies(p -> assertThat(p.refused()).isTrue());
        assertThat(log.entries()).anySatisfy(e -> assertThat(e.what()).isEqualTo("/var/log/app"));

        AccessLog capLog = new AccessLog();
        var captured = Inspector.inspect(new DirectoryHostRoot(base, false, "tree", capLog), noCommands(), Inspector.Options.defaults().capturing());
        assertThat(captured.logrotate().known()).isFalse();
        assertThat(capLog.entries()).noneSatisfy(e -> assertThat(e.what()).startsWith("/var/log"));
    }
}
