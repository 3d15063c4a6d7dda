package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.model.ExitCode;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.model.SystemdDirectives;
import dev.golive.model.SystemdFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new unit rendered for systemd 219 (EL7) through 257 and for an unknown version: each
 * directive appears only from the version that understands it, an older host gets the old
 * spelling, and the unknown version is written for 219.
 */
class SystemdVersionRenderTest {

    /** A directive (key=value as rendered, or key alone) and the first version that may show it; -N: shown only below N. */
    record Expect(String section, String directive, int from) { }

    static final List<Expect> EXPECT = List.of(
            new Expect("Service", "Type=exec", 240),
            new Expect("Service", "Type=simple", -240),
            new Expect("Unit", "StartLimitIntervalSec", 230),
            new Expect("Service", "StartLimitInterval", -230),
            new Expect("Service", "StartLimitBurst", -230),
            new Expect("Service", "MemoryMax", 231),
            new Expect("Service", "MemoryLimit", -231),
            new Expect("Service", "IOWeight", 230),
            new Expect("Service", "BlockIOWeight", -230),
            new Expect("Service", "TasksMax", 227),
            new Expect("Service", "ProtectSystem=strict", 232),
            new Expect("Service", "ProtectSystem=full", -232),
            new Expect("Service", "PrivateUsers", 232),
            new Expect("Service", "ProtectKernelTunables", 232),
            new Expect("Service", "ProtectControlGroups", 232),
            new Expect("Service", "RestrictNamespaces", 233),
            new Expect("Service", "LockPersonality", 235),
            new Expect("Service", "SystemCallFilter=@system-service", 241),
            new Expect("Service", "ProtectHostname", 242),
            new Expect("Service", "RestrictSUIDSGID", 242),
            new Expect("Service", "ProtectKernelLogs", 244),
            new Expect("Service", "ProtectClock", 245),
            new Expect("Service", "ProtectProc", 247),
            new Expect("Service", "NoNewPrivileges", 219));

    static HostFacts withSystemd(Fact<Integer> version) {
        HostFacts f = UnitHosts.debian12();
        SystemdFacts s = f.systemd();
        return new HostFacts(f.origin(), f.os(), f.cpu(), f.memory(), f.fds(), f.sysctls(), f.network(), f.cgroups(),
                new SystemdFacts(version, s.pid1(), s.managerDefaults(), s.serviceUnits(), s.unitDirectories()), f.go(), f.service());
    }

    static Fact<Integer> version(int v) { return v == 0 ? Fact.unknown("systemctl not found") : Fact.of(v, new Source.Command("systemctl --version")); }

    static RenderedUnit render(HostFacts facts, ServiceSpec spec) {
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(spec, new GoRuntimeDerivation.Inputs(
                Fact.<GoBuildInfo>unknown("not read"), Optional.empty(), facts.cpu(), facts.memory()));
        return UnitRenderer.render(facts, spec, go, CurrentUnitFiles.none(spec.unitName()), "t1");
    }

    static ServiceSpec strict() {
        return Specs.app().user("app").ports(8080).memoryMax("1G").ioWeight(200).tasksMax("512")
                .hardening(ServiceSpec.Hardening.STRICT).build();
    }

    static boolean has(SystemdIni ini, String section, String directive) {
        int eq = directive.indexOf('=');
        if (eq < 0) return !ini.values(section, directive).isEmpty();
        return ini.values(section, directive.substring(0, eq)).contains(directive.substring(eq + 1));
    }

    @ParameterizedTest(name = "systemd {0}")
    @ValueSource(ints = {219, 229, 232, 240, 247, 252, 254, 257, 0})
    void eachDirectiveAppearsOnlyFromItsVersion(int v) {
        RenderedUnit r = render(withSystemd(version(v)), strict());
        SystemdIni ini = SystemdIni.parse(r.path(), r.content());
        int effective = v == 0 ? 219 : v;
        for (Expect e : EXPECT) {
            boolean shown = e.from() > 0 ? effective >= e.from() : effective < -e.from();
            assertThat(has(ini, e.section(), e.directive())).as("systemd %s: %s in [%s]", v == 0 ? "unknown" : v, e.directive(), e.section()).isEqualTo(shown);
        }
        // and nothing at all that this systemd does not know (the table's view of every line written)
        for (SystemdIni.Entry line : ini.entries()) {
            assertThat(SystemdDirectives.known(effective, line.section(), line.key(), line.value()))
                    .as("systemd %d: %s=%s", effective, line.key(), line.value()).isTrue();
        }
        if (v == 0) assertThat(r.notes()).contains("the host's systemd version is unknown: golive writes only what systemd 219 knows");
        if (v == 219) {
            assertThat(ini.values("Service", "MemoryLimit")).containsExactly("1G");
            assertThat(ini.values("Service", "BlockIOWeight")).as("IOWeight 200 on BlockIOWeight's 10..1000 scale").containsExactly("1000");
            assertThat(r.notes()).as("strict never sandboxes less than basic: full where strict is unknown")
                    .contains("ProtectSystem=strict needs systemd 232; this host has 219: ProtectSystem=full instead (/usr, /boot, /efi and /etc are read-only)");
            assertThat(r.notes()).contains("ProtectClock= needs systemd 245; this host has 219: left out",
                    "TasksMax= needs systemd 227; this host has 219: left out");
        }
    }

    @ParameterizedTest(name = "systemd {0}")
    @ValueSource(ints = {219, 229, 0})
    void dynamicUserOnASystemdBefore232IsOneLineAskingForAUser(int v) {
        ServiceSpec s = Specs.app().dynamicUser().build();
        assertThatThrownBy(() -> render(withSystemd(version(v)), s))
                .isInstanceOfSatisfying(GoliveException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageStartingWith("dynamicUser: DynamicUser= needs systemd 232; ")
                .hasMessageContaining("runs the service as root): name a user instead (User=)")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> SpecValidator.validate(s, withSystemd(version(v)), BinaryPresence.notChecked("x"), f -> "--" + f))
                .hasMessageStartingWith("--dynamicUser: DynamicUser= needs systemd 232");
        assertThat(SystemdIni.parse("x", render(withSystemd(version(232)), s).content()).values("Service", "DynamicUser")).containsExactly("yes");
    }

    @Test
    void olderSystemdRefusesWhatHasNoSafeOldSpellingInOneLine() {
        HostFacts el7 = withSystemd(version(219));
        assertThatThrownBy(() -> render(el7, Specs.app().user("app").stateDirs("app").build()))
                .hasMessage("stateDirectories[0]: StateDirectory= needs systemd 235; this host has 219: create the directory yourself and set workingDirectory instead");
        assertThatThrownBy(() -> render(el7, Specs.app().user("app").memoryMax("50%").build()))
                .hasMessage("resources.memoryMax: a percentage of RAM needs systemd 231; this host has 219: give a size (e.g. 2G)");
        assertThat(render(withSystemd(version(235)), Specs.app().user("app").stateDirs("app").build()).content()).contains("StateDirectory=app\n");
    }

    /** systemd-analyze of this machine (252) loads the unit rendered for 252 without an unknown key. */
    @Test
    void theUnitFor252LoadsInSystemdAnalyzeWithoutUnknownKeys(@TempDir Path tmp) throws IOException {
        SystemdAnalyze analyze = RealSystemdAnalyze.require();
        Path bin = tmp.resolve("bin/app");
        Files.createDirectories(bin.getParent());
        Files.copy(Path.of("/bin/true"), bin);
        int here = analyze.version().opt().orElseThrow();
        ServiceSpec s = Specs.app().exec(bin.toString()).user("app").ports(8080).memoryMax("1G").ioWeight(200).tasksMax("512")
                .hardening(ServiceSpec.Hardening.STRICT).build();
        UnitAnalysis a = analyze.analyze(render(withSystemd(version(here)), s));
        assertThat(a.verify().opt().orElseThrow()).as("systemd-analyze %d verify", here)
                .noneMatch(m -> m.toString().contains("Unknown key") || m.toString().contains("Unknown lvalue"));
    }
}
