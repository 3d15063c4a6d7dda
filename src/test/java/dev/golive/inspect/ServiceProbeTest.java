package dev.golive.inspect;

import dev.golive.build.BuildSpec;
import dev.golive.build.BuildTarget;
import dev.golive.build.GoBuilder;
import dev.golive.build.RealGo;
import dev.golive.host.AccessLog;
import dev.golive.host.CommandResult;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.CgroupLimit;
import dev.golive.model.Fact;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The service probe on hosts laid out in temp directories, step by step as an admin sets a service up. */
class ServiceProbeTest {

    @TempDir Path tmp;

    private Path write(String hostPath, String text) throws IOException {
        Path p = tmp.resolve(hostPath.substring(1));
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private DirectoryHostRoot root() { return new DirectoryHostRoot(tmp, false, "tree", new AccessLog()); }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            app.service          |                       | /system.slice/app.service
            app.service          | Slice=batch.slice     | /batch.slice/app.service
            app.service          | Slice=apps-web.slice  | /apps.slice/apps-web.slice/app.service
            worker@3.service     |                       | /system.slice/system-worker.slice/worker@3.service
            my-worker@a.service  |                       | /system.slice/system-my\\x2dworker.slice/my-worker@a.service
            app.service          | Slice=-.slice         | /app.service
            """)
    void theCgroupASystemServiceRunsIn(String unit, String slice, String path) {
        List<dev.golive.model.UnitDirective> d = slice == null ? List.of()
                : List.of(new dev.golive.model.UnitDirective("Service", "Slice", slice.substring(6), Source.File.of("/u")));
        assertThat(ServiceProbe.cgroupPath(unit, d)).isEqualTo(path);
    }

    @Test
    void aStoppedServiceGetsTheQuotaItsUnitConfigures() throws IOException {
        write("/etc/systemd/system/app.service", "[Service]\nExecStart=/opt/app/app\nCPUQuota=150%\n");
        ServiceProbe.Unit u = ServiceProbe.resolve(root(), "app.service");
        Fact<Integer> n = Fact.of(8, Source.File.of("/proc/cpuinfo"));
        Fact<String> x = Fact.unknown("not read");
        var cpu = new dev.golive.model.CpuFacts(n, n, n, Fact.unknown("x"), x, x, n, x, x, x, Fact.unknown("x"), x, Fact.unknown("x"),
                u.cgroupPath(), List.of(
                        new CgroupLimit("/system.slice/app.service", Fact.unknown("/sys/fs/cgroup/system.slice/app.service/cpu.max: no such file")),
                        new CgroupLimit("/system.slice", Fact.of(Optional.empty(), Source.File.of("/sys/fs/cgroup/system.slice/cpu.max")))));

        var withQuota = ServiceProbe.withConfiguredQuota(cpu, u);

        assertThat(withQuota.cpuLimits().get(0)).isEqualTo(new CgroupLimit("/system.slice/app.service",
                Fact.of(Optional.of(1.5), new Source.File("/etc/systemd/system/app.service", 3))));
        assertThat(withQuota.effectiveQuota()).contains(1.5);
    }

    @Test
    void aMaskedUnitOrAMissingOneIsUnknownWithTheReason() throws IOException {
        Files.createDirectories(tmp.resolve("etc/systemd/system"));
        Files.createSymbolicLink(tmp.resolve("etc/systemd/system/gone.service"), Path.of("/dev/null"));

        assertThat(ServiceProbe.resolve(root(), "gone.service").info())
                .isEqualTo(Fact.unknown("gone.service is masked (/etc/systemd/system/gone.service is empty or links to /dev/null)"));
        assertThat(ServiceProbe.resolve(root(), "nothere.service").info().known()).isFalse();
        assertThat(ServiceProbe.resolve(root(), "nothere.service").cgroupPath()).isEqualTo("/system.slice/nothere.service");
    }

    @Test
    void aRelativeExecStartOrANonGoBinaryIsUnknownWithTheReason() throws IOException {
        write("/etc/systemd/system/rel.service", "[Service]\nExecStart=app --flag\n");
        write("/etc/systemd/system/sh.service", "[Service]\nExecStart=/bin/sh -c true\n");
        write("/bin/sh", "#!not an ELF\n");

        assertThat(ServiceProbe.binary(root(), ServiceProbe.resolve(root(), "rel.service")))
                .isEqualTo(Fact.unknown("/etc/systemd/system/rel.service:2: ExecStart= program \"app\" is not an absolute path"));
        assertThat(ServiceProbe.binary(root(), ServiceProbe.resolve(root(), "sh.service")))
                .isEqualTo(Fact.unknown("/bin/sh: no Go build info (not a Go binary, or built by Go before 1.13)"));
    }

    @Test
    void theGoLineOfGoModWithItsLine() throws IOException {
        write("/src/app/go.mod", "module example.com/app\n\n// toolchain bump: OPS-9\ngo 1.22.3 // pinned\n\nrequire golang.org/x/sys v0.20.0\n");
        assertThat(ServiceProbe.goModGo(root(), "/src/app")).isEqualTo(Fact.of("1.22.3", new Source.File("/src/app/go.mod", 4)));
        assertThat(ServiceProbe.goModGo(root(), null).known()).isFalse();
        assertThat(ServiceProbe.goModGo(root(), "/src/none").known()).isFalse();
    }

    @Test
    void systemdAnalyzeOutputsAsTheyArePrinted() {
        CommandResult sec = new CommandResult(List.of("systemd-analyze", "security", "--offline=true", "/u"), 0,
                "  NAME   DESCRIPTION   EXPOSURE\n✗ UMask=   Files created by service are world-readable by default   0.1\n\n→ Overall exposure level for app.service: 4.2 OK 🙂\n",
                "", java.time.Duration.ZERO, Optional.empty());
        assertThat(ServiceProbe.exposure(sec)).isEqualTo(Fact.of(4.2, new Source.Command("systemd-analyze security --offline=true /u")));
        CommandResult verify = new CommandResult(List.of("systemd-analyze", "verify", "/u"), 0, "",
                "/u:6: Unknown key 'Foo' in section [Service], ignoring.\n\n", java.time.Duration.ZERO, Optional.empty());
        assertThat(ServiceProbe.verifyLines(verify).opt()).contains(List.of("/u:6: Unknown key 'Foo' in section [Service], ignoring."));
        assertThat(ServiceProbe.verifyLines(CommandResult.failed(List.of("systemd-analyze", "verify", "/u"), "not installed")).known()).isFalse();
    }

    /** A real Go binary built by the toolchain here: the probe reads what `go version -m` prints. */
    @Test
    void theBuildInfoOfARealGoBinaryMatchesGoVersionM(@TempDir Path work) throws IOException {
        RealGo.require();
        Path module = RealGo.copyFixture("hello", work);
        ProcessCommandRunner runner = new ProcessCommandRunner(new AccessLog());
        GoBuilder builder = new GoBuilder(runner, DirectoryHostRoot.live(new AccessLog()));
        BuildSpec spec = BuildSpec.defaults(module, List.of(BuildTarget.parse("linux/amd64/v1")));
        var results = builder.build(spec, builder.checkedToolchain(spec), new dev.golive.build.BuildListener() {
            @Override public void started(BuildTarget t) { }
            @Override public void finished(dev.golive.build.BuildResult r) { }
        });
        assertThat(results.get(0).problems()).isEmpty();
        Path built = module.resolve("dist/hello-linux-amd64-v1");
        Files.createDirectories(tmp.resolve("opt/hello"));
        Files.copy(built, tmp.resolve("opt/hello/hello"));
        write("/etc/systemd/system/hello.service", "[Service]\nExecStart=/opt/hello/hello\n");

        ServiceProbe.Unit u = ServiceProbe.resolve(root(), "hello.service");
        var info = ServiceProbe.binary(root(), u);

        CommandResult m = runner.run("go", "version", "-m", built.toString());
        assertThat(m.ok()).as(m.problem()).isTrue();
        String goVersion = m.stdout().lines().findFirst().orElseThrow().replaceFirst("^.*: ", "");
        String path = m.stdout().lines().filter(l -> l.startsWith("\tpath\t")).findFirst().orElseThrow().substring("\tpath\t".length());
        assertThat(info.opt()).hasValueSatisfying(b -> {
            assertThat(b.goVersion()).isEqualTo(goVersion);
            assertThat(b.mainPath()).isEqualTo(path);
            assertThat(b.setting("GOARCH")).contains("amd64");
            assertThat(b.setting("CGO_ENABLED")).contains("0");
        });
        assertThat(info.src()).contains(Source.File.of("/opt/hello/hello"));
    }
}
