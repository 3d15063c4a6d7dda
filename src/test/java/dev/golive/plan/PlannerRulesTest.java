package dev.golive.plan;

import dev.golive.check.Checker;
import dev.golive.model.FileChange;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.profile.FixtureHosts;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.ProfileResolver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's rules one by one: fixes, files golive does not own, the service seam, restarts. */
class PlannerRulesTest {

    private static final String ID = PlanFixtures.ID;

    private static Plan plan(String host, String profile, Optional<ServiceSpec> svc, List<FixChange> fixes,
                             Map<String, OwnedFileState> current, ServiceFiles files) {
        HostFacts f = FixtureHosts.facts(host);
        Profile p = ProfileResolver.resolve(ProfileCatalog.shipped(), profile, f);
        return new Planner(files).plan(new PlanInput(f, p, svc, fixes, current, ID));
    }

    @Test
    void aFixThatWouldEditSysctlConfBecomesAManualStepNeverAWrite() {
        // centos7: /etc/sysctl.conf sets tcp_tw_recycle = 1; check proposes removing the line
        HostFacts f = FixtureHosts.facts("centos7-v1");
        List<FixChange> fixes = Checker.run(f).findings().stream().filter(x -> x.ruleId().equals("NET-TW-RECYCLE"))
                .flatMap(x -> x.fix().stream()).flatMap(p -> p.changes().stream()).toList();
        assertThat(fixes).isNotEmpty();
        Plan plan = plan("centos7-v1", "base", Optional.empty(), fixes, Map.of(), ServiceFiles.UNAVAILABLE);
        assertThat(plan.files()).extracting(FileChange::path).allMatch(OwnedFiles::isOwnedPath).doesNotContain("/etc/sysctl.conf");
        assertThat(plan.manualSteps()).anyMatch(s -> s.startsWith("remove or comment out net.ipv4.tcp_tw_recycle in /etc/sysctl.conf:"));
    }

    @Test
    void pickedSysctlFixesJoinTheProfileValuesAndWin() {
        Plan plan = plan("debian12-vm", "base", Optional.empty(), List.of(new FixChange.SysctlChange("vm.swappiness", "60")),
                Map.of(), ServiceFiles.UNAVAILABLE);
        String body = plan.files().get(0).after().orElseThrow();
        assertThat(body).contains("# picked fix: sysctl vm.swappiness = 60\nvm.swappiness = 60\n");
        assertThat(plan.live()).anySatisfy(l -> {
            assertThat(l.key()).isEqualTo("vm.swappiness");
            assertThat(l.before()).isEqualTo("10");
            assertThat(l.after()).isEqualTo("60");
        });
    }

    @Test
    void allFixesOfTheChecksOnEveryFixtureOnlyTouchOwnedFiles() {
        for (String host : FixtureHosts.NAMES) {
            HostFacts f = FixtureHosts.facts(host);
            List<FixChange> fixes = Checker.run(f).findings().stream().flatMap(x -> x.fix().stream()).flatMap(p -> p.changes().stream()).toList();
            Plan plan = plan(host, "base", Optional.empty(), fixes, Map.of(), ServiceFiles.UNAVAILABLE);
            assertThat(plan.files()).as(host).extracting(FileChange::path).allMatch(OwnedFiles::isOwnedPath);
        }
    }

    @Test
    void aFileAtAnOwnedPathWithoutGolivesHeaderIsLeftAlone() {
        Map<String, OwnedFileState> cur = Map.of(OwnedFiles.SYSCTL_DROPIN, OwnedFileState.of(OwnedFiles.SYSCTL_DROPIN, "net.core.somaxconn = 1024\n"));
        Plan plan = plan("centos7-v1", "base", Optional.empty(), List.of(), cur, ServiceFiles.UNAVAILABLE);
        assertThat(plan.files()).extracting(FileChange::path).doesNotContain(OwnedFiles.SYSCTL_DROPIN);
        assertThat(plan.manualSteps()).anyMatch(s -> s.startsWith("/etc/sysctl.d/60-golive.conf exists but golive did not write it"));
    }

    @Test
    void anOwnedFileNoLongerNeededIsDeletedWithItsOldContent() {
        // golive's sysctl drop-in from an earlier plan; ubuntu2004-hybrid (syncookies off) with base needs only the SYN backlog
        String old = OwnedFiles.header("old") + "# Profile x\nnet.ipv4.tcp_max_syn_backlog = 8192\n";
        Map<String, OwnedFileState> cur = Map.of(OwnedFiles.SYSCTL_DROPIN, OwnedFileState.of(OwnedFiles.SYSCTL_DROPIN, old));
        Plan same = plan("ubuntu2004-hybrid", "base", Optional.empty(), List.of(), cur, ServiceFiles.UNAVAILABLE);
        assertThat(same.files()).extracting(FileChange::path).contains(OwnedFiles.SYSCTL_DROPIN); // "# Profile x" → "# Profile base"
        // the same body under an older snapshot's header: nothing to do
        String fresh = plan("ubuntu2004-hybrid", "base", Optional.empty(), List.of(), Map.of(), ServiceFiles.UNAVAILABLE).files().stream()
                .filter(c -> c.path().equals(OwnedFiles.SYSCTL_DROPIN)).findFirst().orElseThrow().after().orElseThrow();
        String now = OwnedFiles.header("old") + fresh.substring(OwnedFiles.header(ID).length());
        Plan unchanged = plan("ubuntu2004-hybrid", "base", Optional.empty(), List.of(),
                Map.of(OwnedFiles.SYSCTL_DROPIN, OwnedFileState.of(OwnedFiles.SYSCTL_DROPIN, now)), ServiceFiles.UNAVAILABLE);
        assertThat(unchanged.files()).extracting(FileChange::path).doesNotContain(OwnedFiles.SYSCTL_DROPIN);
        // two-socket-smt with base needs no sysctl at all: golive's old file goes
        Plan gone = plan("two-socket-smt", "base", Optional.empty(), List.of(), Map.of(OwnedFiles.SYSCTL_DROPIN,
                OwnedFileState.of(OwnedFiles.SYSCTL_DROPIN, OwnedFiles.header("old") + "# Profile base\n")), ServiceFiles.UNAVAILABLE);
        assertThat(gone.files()).filteredOn(c -> c.path().equals(OwnedFiles.SYSCTL_DROPIN)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(FileChange.Kind.DELETE));
    }

    @Test
    void theServiceGetsTheProfilesSettingsExplicitSpecValuesWinAndARestartIsProposed() {
        List<ServiceSpec> seen = new ArrayList<>();
        ServiceFiles fake = (facts, spec, changes, current, id) -> {
            seen.add(spec);
            return List.of(new FileChange(OwnedFiles.unitDropIn(spec.unitName()), Optional.empty(),
                    Optional.of(OwnedFiles.header(id) + "[Service]\nLimitNOFILE=" + spec.resources().nofile().orElseThrow() + "\n"), 0644, "root", "root", "drop-in"));
        };
        ServiceSpec explicit = new ServiceSpec("api", Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false, Optional.empty(),
                List.of(), Map.of(), List.of(), new ServiceSpec.Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("100"),
                Optional.empty(), Optional.empty()), ServiceSpec.Restart.DEFAULT, ServiceSpec.Hardening.STRICT, ServiceSpec.GoRuntime.DERIVE);
        Plan plan = plan("centos7-v1", "web-api", Optional.of(explicit), List.of(new FixChange.ServiceEnvironmentChange("GODEBUG", "madvdontneed=1")),
                Map.of(), fake);
        ServiceSpec merged = seen.get(0);
        assertThat(merged.resources().nofile()).hasValue(dev.golive.model.NofileLimit.parse("1024:1048576").orElseThrow());
        assertThat(merged.resources().tasksMax()).hasValue("100");                    // explicit wins over web-api's 4096
        assertThat(merged.hardening()).isEqualTo(ServiceSpec.Hardening.STRICT);        // explicit wins over base's basic
        assertThat(merged.environment()).containsEntry("GODEBUG", "madvdontneed=1");
        assertThat(plan.files()).extracting(FileChange::path).contains("/etc/systemd/system/api.service.d/60-golive.conf");
        assertThat(plan.actions()).extracting(PlanAction::kind)
                .containsExactly(PlanAction.Kind.DAEMON_REEXEC, PlanAction.Kind.DAEMON_RELOAD, PlanAction.Kind.RESTART_SERVICE);
        assertThat(plan.actions().get(2).why()).contains("reads net.core.somaxconn once per process");
        assertThat(plan.service()).hasValue("api.service");
    }

    @Test
    void withoutAServiceTheRendererIsNeverCalled() {
        ServiceFiles boom = (facts, spec, changes, current, id) -> { throw new AssertionError("called"); };
        Plan plan = plan("debian12-vm", "web-api", Optional.empty(), List.of(new FixChange.UnitDirectiveChange("Service", "LimitNOFILE", "65536")), Map.of(), boom);
        assertThat(plan.manualSteps()).contains("needs --service: [Service] LimitNOFILE=65536");
    }

    @Test
    void aDirectiveRemovalFromAVendorUnitIsAManualStep() {
        var removal = new FixChange.UnitDirectiveRemoval("Service", "MemoryLimit", new Source.File("/usr/lib/systemd/system/api.service", 9));
        Map<String, Object> calls = new HashMap<>();
        ServiceFiles fake = (facts, spec, changes, current, id) -> { calls.put("changes", changes); return List.of(); };
        Plan plan = plan("debian12-vm", "base", Optional.of(ServiceSpec.named("api")), List.of(removal), Map.of(), fake);
        assertThat(calls.get("changes")).isEqualTo(List.of());
        assertThat(plan.manualSteps()).anyMatch(s -> s.startsWith("remove [Service] MemoryLimit= from /usr/lib/systemd/system/api.service:9 yourself"));
    }
}
