package dev.golive.unit;

import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered units through the real systemd-analyze: verify has nothing to say about them,
 * the exposure falls as the hardening level rises, and a bad value comes back as a message
 * on the spec field that wrote the line. The binary is a real executable (a copy of
 * /bin/true) in a temp dir, since verify refuses an ExecStart= that does not exist.
 */
class SystemdAnalyzeRealTest {

    static SystemdAnalyze analyze;
    @TempDir static Path tmp;
    static String exec;

    @BeforeAll
    static void realTools() throws IOException {
        analyze = RealSystemdAnalyze.require();
        Path bin = tmp.resolve("bin/app");
        Files.createDirectories(bin.getParent());
        Files.copy(Path.of("/bin/true"), bin);
        exec = bin.toString();
    }

    static RenderedUnit render(ServiceSpec spec, CurrentUnitFiles current) {
        HostFacts f = UnitHosts.debian12();
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(spec,
                new GoRuntimeDerivation.Inputs(Fact.<GoBuildInfo>unknown("not a Go binary"), Optional.empty(), f.cpu(), f.memory()));
        return UnitRenderer.render(f, spec, go, current, "t1");
    }

    @Test
    void exposureFallsStrictlyAsTheHardeningLevelRises() {
        Map<ServiceSpec.Hardening, Double> score = new EnumMap<>(ServiceSpec.Hardening.class);
        for (ServiceSpec.Hardening h : ServiceSpec.Hardening.values()) {
            ServiceSpec s = Specs.app().exec(exec).user("app").ports(8080).cpuQuota("200%").memoryMax("1G").stateDirs("app").hardening(h).build();
            UnitAnalysis a = analyze.analyze(render(s, CurrentUnitFiles.none("app.service")));
            assertThat(a.verify().opt()).as(h + ": verify").contains(List.of());
            UnitAnalysis.Security sec = a.security().opt().orElseThrow(() -> new AssertionError(a.security()));
            assertThat(sec.items()).as("the per-directive table").hasSizeGreaterThan(50);
            score.put(h, sec.exposure());
        }
        System.out.println("exposure by hardening level (systemd-analyze " + analyze.version().opt().get() + "): " + score);
        assertThat(score.get(ServiceSpec.Hardening.BASIC)).isLessThan(score.get(ServiceSpec.Hardening.NONE));
        assertThat(score.get(ServiceSpec.Hardening.STRICT)).isLessThan(score.get(ServiceSpec.Hardening.BASIC));
        assertThat(score.get(ServiceSpec.Hardening.STRICT)).as("strict is what systemd calls OK").isLessThan(2.5);
    }

    @Test
    void aBadValueComesBackOnTheFieldThatWroteIt() {
        // the validator would refuse "2g"; render directly to see what systemd itself says
        ServiceSpec s = Specs.app().exec(exec).memoryMax("2g").tasksMax("lots").build();
        RenderedUnit r = render(s, CurrentUnitFiles.none("app.service"));
        List<UnitAnalysis.VerifyMessage> msgs = analyze.analyze(r).verify().opt().orElseThrow();
        int memLine = r.content().lines().toList().indexOf("MemoryMax=2g") + 1;
        assertThat(msgs).contains(
                new UnitAnalysis.VerifyMessage("/etc/systemd/system/app.service", memLine, Optional.of("resources.memoryMax"),
                        "Invalid memory limit '2g', ignoring: Invalid argument"));
        assertThat(msgs).anySatisfy(m -> {
            assertThat(m.field()).contains("resources.tasksMax");
            assertThat(m.message()).contains("lots");
        });
        assertThat(msgs.get(0).describe()).isEqualTo("/etc/systemd/system/app.service:" + memLine
                + ": Invalid memory limit '2g', ignoring: Invalid argument [resources.memoryMax]");
    }

    @Test
    void aValueTheValidatorAcceptsButSystemdWarnsAboutIsMapped() {
        // "nobody" is a valid user name, and systemd warns that sharing it is unsafe
        ServiceSpec s = Specs.app().exec(exec).user("nobody").build();
        RenderedUnit r = render(s, CurrentUnitFiles.none("app.service"));
        assertThat(analyze.analyze(r).verify().opt().orElseThrow())
                .anySatisfy(m -> {
                    assertThat(m.field()).contains("user");
                    assertThat(m.message()).contains("nobody");
                });
    }

    @Test
    void aMissingBinaryIsNamedOnExec() {
        ServiceSpec s = Specs.app().exec(tmp.resolve("bin/not-there").toString()).build();
        List<UnitAnalysis.VerifyMessage> msgs = analyze.analyze(render(s, CurrentUnitFiles.none("app.service"))).verify().opt().orElseThrow();
        assertThat(msgs).anySatisfy(m -> {
            assertThat(m.field()).contains("exec");
            assertThat(m.message()).startsWith("Command " + tmp.resolve("bin/not-there") + " is not executable");
        });
    }

    @Test
    void aDropInIsVerifiedAndScoredTogetherWithTheUnitItExtends() {
        String vendor = "[Unit]\nDescription=vendor app\n\n[Service]\nExecStart=" + exec + " --vendor\nBogusVendorKey=1\n";
        CurrentUnitFiles current = new CurrentUnitFiles("app.service", Optional.empty(), Optional.empty(),
                Optional.of(new CurrentUnitFiles.Located("/usr/lib/systemd/system/app.service", vendor)), Optional.empty());
        ServiceSpec none = Specs.app().exec(null).user(null).restart("on-failure", "2s", "60s", 5).hardening(ServiceSpec.Hardening.NONE).build();
        ServiceSpec strict = Specs.app().exec(null).user("app").memoryMax("3x").hardening(ServiceSpec.Hardening.STRICT).build();
        UnitAnalysis plain = analyze.analyze(render(none, current));
        RenderedUnit dropIn = render(strict, current);
        UnitAnalysis hardened = analyze.analyze(dropIn);
        assertThat(hardened.security().opt().get().exposure()).isLessThan(plain.security().opt().get().exposure());
        List<UnitAnalysis.VerifyMessage> msgs = hardened.verify().opt().orElseThrow();
        assertThat(msgs).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("/usr/lib/systemd/system/app.service");
            assertThat(m.line()).isEqualTo(6);
            assertThat(m.field()).as("the vendor's line is not a spec field").isEmpty();
        });
        assertThat(msgs).anySatisfy(m -> {
            assertThat(m.path()).isEqualTo("/etc/systemd/system/app.service.d/60-golive.conf");
            assertThat(m.field()).contains("resources.memoryMax");
        });
    }
}
