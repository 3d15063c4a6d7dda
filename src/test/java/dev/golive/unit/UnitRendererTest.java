package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.model.ExitCode;
import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.OwnedFiles;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rendering new units, drop-ins on vendor units, and re-edits of golive's own unit; golden files in src/test/resources/units/. */
class UnitRendererTest {

    static final Fact<GoBuildInfo> GO122 = Fact.of(new GoBuildInfo("go1.22.2", "example.com/app", "example.com/app", Map.of("GOOS", "linux")),
            Source.File.of("/usr/local/bin/app"));
    static final String VENDOR = "[Unit]\nDescription=App from the vendor\n\n[Service]\nExecStart=/usr/bin/app --vendor\nUser=app\n\n[Install]\nWantedBy=multi-user.target\n";

    static RenderedUnit render(HostFacts facts, ServiceSpec spec, CurrentUnitFiles current) {
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(spec, new GoRuntimeDerivation.Inputs(GO122, Optional.empty(), facts.cpu(), facts.memory()));
        return UnitRenderer.render(facts, spec, go, current, "20261123-0930-ab12");
    }

    static Specs typical() {
        return Specs.app().description("App API (100% Go)").args("--listen", ":8080", "--motd", "it's \"ok\" \\o/", "--price=$5")
                .ports(8080).cpuQuota("200%").memoryMax("2G").nofile(65536, 524288).tasksMax("4096")
                .env("APP_ENV", "prod").env("GREETING", "hello world, 50% off");
    }

    @Test
    void aNewServiceGetsAUnitWithHeaderTypeExecAndDerivedGoValues() {
        RenderedUnit r = render(UnitHosts.debian12(), typical().build(), CurrentUnitFiles.none("app.service"));
        FileChange c = r.change();
        assertThat(c.path()).isEqualTo("/etc/systemd/system/app.service");
        assertThat(c.kind()).isEqualTo(FileChange.Kind.CREATE);
        assertThat(c.mode()).isEqualTo(0644);
        assertThat(c.owner()).isEqualTo("root");
        assertThat(c.group()).isEqualTo("root");
        assertThat(r.content()).startsWith(OwnedFiles.header("20261123-0930-ab12"));
        assertThat(r.go().gomaxprocs().value()).contains("2");
        Golden.assertMatches("new-basic.service", r.content());
    }

    @Test
    void strictWithALowPortAndADynamicUserGetsOnlyCapNetBindService() {
        ServiceSpec s = Specs.app().dynamicUser().ports(443).stateDirs("app").hardening(ServiceSpec.Hardening.STRICT).build();
        RenderedUnit r = render(UnitHosts.debian12(), s, CurrentUnitFiles.none("app.service"));
        SystemdIni ini = SystemdIni.parse(r.path(), r.content());
        assertThat(ini.values("Service", "AmbientCapabilities")).containsExactly("CAP_NET_BIND_SERVICE");
        assertThat(ini.values("Service", "CapabilityBoundingSet")).containsExactly("CAP_NET_BIND_SERVICE");
        assertThat(ini.values("Service", "PrivateUsers")).as("a user namespace would void the capability").isEmpty();
        assertThat(ini.values("Service", "ProtectSystem")).containsExactly("strict");
        Golden.assertMatches("new-strict-dynamicuser-443.service", r.content());
    }

    @Test
    void rootOnALowPortNeedsNoAmbientCapability() {
        RenderedUnit r = render(UnitHosts.debian12(), Specs.app().user(null).ports(80).build(), CurrentUnitFiles.none("app.service"));
        assertThat(SystemdIni.parse(r.path(), r.content()).values("Service", "AmbientCapabilities")).isEmpty();
    }

    @Test
    void anOldSystemdGetsTypeSimpleAndNoDirectivesItDoesNotKnow() {
        RenderedUnit r = render(UnitHosts.centos7(), Specs.app().build(), CurrentUnitFiles.none("app.service"));
        SystemdIni ini = SystemdIni.parse(r.path(), r.content());
        assertThat(ini.values("Service", "Type")).containsExactly("simple");
        assertThat(ini.values("Service", "ProtectKernelTunables")).isEmpty();
        assertThat(r.notes()).contains("Type=simple: Type=exec needs systemd 240; this host has 219, so a missing binary will not fail the start job",
                "ProtectKernelTunables= needs systemd 232; this host has 219: left out");
        Golden.assertMatches("new-centos7-systemd219.service", r.content());
    }

    @Test
    void aVendorUnitGetsADropInNeverAnEdit() {
        CurrentUnitFiles current = new CurrentUnitFiles("app.service", Optional.empty(), Optional.empty(),
                Optional.of(new CurrentUnitFiles.Located("/usr/lib/systemd/system/app.service", VENDOR)), Optional.empty());
        ServiceSpec s = Specs.app().user(null).exec("/opt/app/bin/app").args("--fast").memoryMax("1G").description("x").build();
        RenderedUnit r = render(UnitHosts.debian12(), new ServiceSpec(s.name(), Optional.empty(), s.exec(), s.arguments(), s.user(), false,
                Optional.empty(), List.of(), Map.of(), List.of(), s.resources(), s.restart(), s.hardening(), s.go()), current);
        assertThat(r.kind()).isEqualTo(RenderedUnit.Kind.DROP_IN);
        assertThat(r.path()).isEqualTo("/etc/systemd/system/app.service.d/60-golive.conf");
        assertThat(r.change().why()).isEqualTo("drop-in on /usr/lib/systemd/system/app.service (golive never edits a unit it did not write)");
        assertThat(r.base()).contains(new CurrentUnitFiles.Located("/usr/lib/systemd/system/app.service", VENDOR));
        SystemdIni ini = SystemdIni.parse(r.path(), r.content());
        assertThat(ini.values("Service", "ExecStart")).as("reset, then golive's command").containsExactly("", "/opt/app/bin/app --fast");
        assertThat(ini.values("Service", "Type")).as("the vendor's Type= stays").isEmpty();
        assertThat(ini.sections()).doesNotContain("Install");
        Golden.assertMatches("dropin-on-vendor.conf", r.content());
    }

    /** The vendor unit of a sandboxed exporter: an allow list without AF_NETLINK, /proc limited to processes. */
    static final String SANDBOXED = "[Service]\nExecStart=/usr/bin/app\nRestrictAddressFamilies=AF_INET AF_INET6\nRestrictAddressFamilies=AF_UNIX\nProcSubset=pid\n";

    private static RenderedUnit vendorWithFixes(String unitText, List<dev.golive.model.FixChange> fixes) {
        CurrentUnitFiles current = new CurrentUnitFiles("app.service", Optional.empty(), Optional.empty(),
                Optional.of(new CurrentUnitFiles.Located("/usr/lib/systemd/system/app.service", unitText)), Optional.empty());
        ServiceSpec spec = Specs.app().exec(null).build();
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(spec, new GoRuntimeDerivation.Inputs(GO122, Optional.empty(),
                UnitHosts.debian12().cpu(), UnitHosts.debian12().memory()));
        return UnitRenderer.render(UnitHosts.debian12(), spec, go, current, "20261123-0930-ab12", fixes);
    }

    @Test
    void pickedFixesThatOnlyLoosenAVendorSandboxNeedNoTighten() {
        var netlink = new dev.golive.model.FixChange.UnitDirectiveChange("Service", "RestrictAddressFamilies", "AF_NETLINK");
        var procAll = new dev.golive.model.FixChange.UnitDirectiveChange("Service", "ProcSubset", "all");
        var noNewPrivs = new dev.golive.model.FixChange.UnitDirectiveChange("Service", "NoNewPrivileges", "yes");
        RenderedUnit r = vendorWithFixes(SANDBOXED, List.of(netlink, procAll, noNewPrivs));
        SystemdIni ini = SystemdIni.parse(r.path(), r.content());
        // UNIT-NETLINK-RESTRICTED and UNIT-PROCSUBSET-HIDES-SOMAXCONN widen what the vendor allows: planned
        assertThat(ini.values("Service", "RestrictAddressFamilies")).as("one more family on the allow list, no reset").containsExactly("AF_NETLINK");
        assertThat(ini.values("Service", "ProcSubset")).containsExactly("all");
        // a picked fix that tightens stays behind --tighten
        assertThat(ini.values("Service", "NoNewPrivileges")).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("NoNewPrivileges=yes left out: app.service is not golive's unit"));
        assertThat(r.notes()).noneMatch(n -> n.startsWith("RestrictAddressFamilies") || n.startsWith("ProcSubset"));
    }

    @Test
    void anAddressFamilyLineOnAUnitWithoutAnAllowListWouldRestrictItAndStaysBehindTighten() {
        var procPid = new dev.golive.model.FixChange.UnitDirectiveChange("Service", "ProcSubset", "pid");
        RenderedUnit hides = vendorWithFixes("[Service]\nExecStart=/usr/bin/app\n", List.of(procPid));
        assertThat(SystemdIni.parse(hides.path(), hides.content()).values("Service", "ProcSubset")).as("pid narrows /proc: tightening").isEmpty();
        var netlink = new dev.golive.model.FixChange.UnitDirectiveChange("Service", "RestrictAddressFamilies", "AF_NETLINK");
        for (String unit : List.of("[Service]\nExecStart=/usr/bin/app\n",
                "[Service]\nExecStart=/usr/bin/app\nRestrictAddressFamilies=~AF_PACKET\n",
                "[Service]\nExecStart=/usr/bin/app\nRestrictAddressFamilies=AF_INET\nRestrictAddressFamilies=\n")) {
            RenderedUnit r = vendorWithFixes(unit, List.of(netlink));
            assertThat(SystemdIni.parse(r.path(), r.content()).values("Service", "RestrictAddressFamilies")).as(unit).isEmpty();
            assertThat(r.notes()).as(unit).anyMatch(n -> n.startsWith("RestrictAddressFamilies=AF_NETLINK left out: app.service is not golive's unit"));
        }
    }

    @Test
    void aUnitTheAdminWroteInEtcAlsoGetsADropIn() {
        CurrentUnitFiles current = new CurrentUnitFiles("app.service", Optional.of(VENDOR), Optional.empty(), Optional.empty(), Optional.empty());
        RenderedUnit r = render(UnitHosts.debian12(), Specs.app().exec(null).build(), current);
        assertThat(r.kind()).isEqualTo(RenderedUnit.Kind.DROP_IN);
        assertThat(r.base().get().path()).isEqualTo("/etc/systemd/system/app.service");
        assertThat(SystemdIni.parse(r.path(), r.content()).values("Service", "ExecStart")).isEmpty();
    }

    @Test
    void reEditingGolivesUnitKeepsTheAdminsCommentsAndUnknownLines() {
        String first = render(UnitHosts.debian12(), typical().build(), CurrentUnitFiles.none("app.service")).content();
        String edited = first
                .replace("[Service]\n", "[Service]\n# admin: raised after the March incident, ask ops before lowering\nNice=-5\n")
                .replace("MemoryMax=2G\n", "# admin: keep in step with the VM size\nMemoryMax=2G\n")
                .replace("[Install]\n", "[Install]\n; admin: also wanted by our target\nWantedBy=app.target\n");
        CurrentUnitFiles current = new CurrentUnitFiles("app.service", Optional.of(edited), Optional.empty(), Optional.empty(), Optional.empty());
        ServiceSpec changed = typical().memoryMax("4G").build();
        changed = new ServiceSpec(changed.name(), changed.description(), changed.exec(), changed.arguments(), changed.user(), false,
                Optional.empty(), List.of(), changed.environment(), changed.ports(),
                new ServiceSpec.Resources(Optional.empty(), Optional.of("4G"), Optional.empty(), Optional.of("4096"), changed.resources().nofile(), Optional.empty()),
                changed.restart(), changed.hardening(), changed.go());
        RenderedUnit r = UnitRenderer.render(UnitHosts.debian12(), changed,
                GoRuntimeDerivation.derive(changed, new GoRuntimeDerivation.Inputs(GO122, Optional.empty(), UnitHosts.debian12().cpu(), UnitHosts.debian12().memory())),
                current, "20261124-0800-cd34");
        String out = r.content();
        assertThat(r.change().kind()).isEqualTo(FileChange.Kind.MODIFY);
        assertThat(r.change().before()).contains(edited);
        assertThat(out).startsWith(OwnedFiles.header("20261124-0800-cd34")).doesNotContain("20261123-0930-ab12");
        assertThat(out).contains("# admin: raised after the March incident, ask ops before lowering\nNice=-5\n");
        assertThat(out).as("MemoryMax= rewritten in place, under the admin's comment").contains("# admin: keep in step with the VM size\nMemoryMax=4G\n");
        assertThat(out).contains("; admin: also wanted by our target\n");
        assertThat(out).doesNotContain("CPUQuota=").doesNotContain("GOMAXPROCS").contains("GOMEMLIMIT=3686MiB");
        Golden.assertMatches("reedit-keeps-comments.service", out);

        // and rendering the same spec again changes nothing but the header
        CurrentUnitFiles again = new CurrentUnitFiles("app.service", Optional.of(out), Optional.empty(), Optional.empty(), Optional.empty());
        String twice = UnitRenderer.render(UnitHosts.debian12(), changed, r.go(), again, "20261124-0800-cd34").content();
        assertThat(twice).isEqualTo(out);
    }

    @Test
    void execStartWordsComeBackAsTypedAfterSystemdSplitsThem() {
        List<String> args = List.of("--motd", "it's \"ok\" \\o/", "50%", "$HOME", "", "a\\nb", ";", "--x=y z");
        String value = UnitDirectives.execStart("/opt/my app/bin/app", args);
        List<String> words = SystemdIni.splitWords(value);
        // systemd then turns %% into % and $$ into $
        List<String> typed = words.stream().map(w -> w.replace("%%", "%").replace("$$", "$")).toList();
        assertThat(typed.get(0)).isEqualTo("/opt/my app/bin/app");
        assertThat(typed.subList(1, typed.size())).isEqualTo(args);
    }

    @Test
    void refusals() {
        CurrentUnitFiles masked = new CurrentUnitFiles("app.service", Optional.empty(), Optional.of("/dev/null"), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> render(UnitHosts.debian12(), Specs.app().build(), masked))
                .hasMessage("name: app.service is masked (/etc/systemd/system/app.service → /dev/null); unmask it first");
        CurrentUnitFiles foreignDropIn = new CurrentUnitFiles("app.service", Optional.empty(), Optional.empty(),
                Optional.of(new CurrentUnitFiles.Located("/usr/lib/systemd/system/app.service", VENDOR)), Optional.of("[Service]\nNice=5\n"));
        assertThatThrownBy(() -> render(UnitHosts.debian12(), Specs.app().build(), foreignDropIn))
                .hasMessage("name: /etc/systemd/system/app.service.d/60-golive.conf exists and golive did not write it; move it aside or rename it");
        assertThatThrownBy(() -> render(UnitHosts.debian12(), Specs.app().exec(null).build(), CurrentUnitFiles.none("app.service")))
                .isInstanceOfSatisfying(GoliveException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage("exec: app.service does not exist yet; a new unit needs the binary's absolute path");
    }

    @Test
    void theLineMapNamesTheFieldBehindEachLine() {
        RenderedUnit r = render(UnitHosts.debian12(), typical().build(), CurrentUnitFiles.none("app.service"));
        List<String> lines = r.content().lines().toList();
        int memoryMax = lines.indexOf("MemoryMax=2G") + 1;
        int exec = lines.stream().filter(l -> l.startsWith("ExecStart=")).findFirst().map(lines::indexOf).orElseThrow() + 1;
        assertThat(r.lineFields()).containsEntry(memoryMax, "resources.memoryMax").containsEntry(exec, "exec");
        assertThat(r.lineFields().values()).contains("environment.GREETING", "go.gomaxprocs", "go.gomemlimit", "hardening", "restart.startLimitBurst");
    }
}
