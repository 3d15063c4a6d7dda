package dev.golive.plan;

import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.LiveChange;
import dev.golive.model.OsFacts;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.PlanConflict;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFact;
import dev.golive.model.SysctlFacts;
import dev.golive.model.SystemdFacts;
import dev.golive.profile.FixtureHosts;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.ProfileResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the planner does with the fixes an admin picked and with a profile's every section, on
 * debian12-vm (somaxconn 8192 from 60-custom.conf, swappiness 10, fin_timeout 30, ports 22 and
 * 8080, range 32768-60999, systemd 252 with no manager defaults set). The profiles are written
 * here, so a change to a shipped profile does not move these cases.
 */
class PlannerFixTest {

    static final String ID = PlanFixtures.ID;
    static final HostFacts DEBIAN = FixtureHosts.facts("debian12-vm");

    static String entry(String key, String value, String why) {
        return "  " + key + ":\n    value: " + value + "\n    why: " + why + "\n";
    }

    static Profile profile(String yaml, HostFacts facts) {
        return ProfileResolver.resolve(ProfileCatalog.withTexts("/etc/golive/profiles", Map.of("edge", yaml)), "edge", facts);
    }

    static Plan plan(String yaml, HostFacts facts, List<FixChange> fixes) {
        return plan(yaml, facts, fixes, Optional.empty(), Map.of(), ServiceFiles.UNAVAILABLE);
    }

    static Plan plan(String yaml, HostFacts facts, List<FixChange> fixes, Optional<ServiceSpec> svc,
                     Map<String, OwnedFileState> current, ServiceFiles files) {
        return new Planner(files).plan(new PlanInput(facts, profile(yaml, facts), svc, fixes, current, ID));
    }

    static Optional<String> body(Plan p, String path) {
        return p.files().stream().filter(f -> f.path().equals(path)).findFirst().flatMap(FileChange::after);
    }

    /** debian12-vm with one sysctl replaced (exists, live value, the file line that configures it). */
    static HostFacts withSysctl(HostFacts h, String key, boolean exists, String live, SysctlAssignment configured) {
        Map<String, SysctlFact> byKey = new LinkedHashMap<>(h.sysctls().byKey());
        Source.File proc = Source.File.of("/proc/sys/" + key.replace('.', '/'));
        byKey.put(key, new SysctlFact(key, Fact.of(exists, proc), live == null ? Fact.unknown("not readable") : Fact.of(live, proc),
                Optional.ofNullable(configured), key.startsWith("net.")));
        List<SysctlAssignment> all = new ArrayList<>(h.sysctls().allAssignments());
        if (configured != null) all.add(configured);
        SysctlFacts s = new SysctlFacts(byKey, all, h.sysctls().filesInLoadOrder(), h.sysctls().maskedFiles());
        return new HostFacts(h.origin(), h.os(), h.cpu(), h.memory(), h.fds(), s, h.network(), h.cgroups(), h.systemd(), h.go(), h.service());
    }

    static HostFacts inContainer(HostFacts h, boolean systemdIsPid1) { return inContainer(h, "docker", systemdIsPid1); }

    static HostFacts inContainer(HostFacts h, String container, boolean systemdIsPid1) {
        OsFacts o = h.os();
        OsFacts c = new OsFacts(o.distroId(), o.distroVersion(), o.prettyName(), o.kernelRelease(), o.architecture(), o.virtualization(),
                Fact.of(container, new Source.Command("systemd-detect-virt --container")), o.kernelCmdline(), o.hostname());
        SystemdFacts sd = new SystemdFacts(h.systemd().version(), Fact.of(systemdIsPid1, Source.File.of("/proc/1/comm")),
                h.systemd().managerDefaults(), h.systemd().serviceUnits(), h.systemd().unitDirectories());
        return new HostFacts(h.origin(), c, h.cpu(), h.memory(), h.fds(), h.sysctls(), h.network(), h.cgroups(), sd, h.go(), h.service());
    }

    static HostFacts withManagerDefault(HostFacts h, String key, String value, Source src) {
        Map<String, Fact<String>> m = new LinkedHashMap<>(h.systemd().managerDefaults());
        m.put(key, Fact.of(value, src));
        SystemdFacts sd = new SystemdFacts(h.systemd().version(), h.systemd().pid1(), m, h.systemd().serviceUnits(), h.systemd().unitDirectories());
        return new HostFacts(h.origin(), h.os(), h.cpu(), h.memory(), h.fds(), h.sysctls(), h.network(), h.cgroups(), sd, h.go(), h.service());
    }

    static final String SOMAXCONN_4096 = "sysctl:\n" + entry("net.core.somaxconn", "4096", "Backlog for bursts. Go reads it at start.");

    // ---- picked fixes and the profile's values ----

    @Test
    void aPickedSysctlFixForAKeyTheProfileAlsoSetsWinsInTheFileAndLive() {
        Plan p = plan(SOMAXCONN_4096, DEBIAN, List.of(new FixChange.SysctlChange("net.core.somaxconn", "16384")));
        assertThat(body(p, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b)
                .endsWith("# Profile edge\n# picked fix: sysctl net.core.somaxconn = 16384\nnet.core.somaxconn = 16384\n")
                .doesNotContain("= 4096"));
        assertThat(p.live()).containsExactly(new LiveChange("net.core.somaxconn", "/proc/sys/net/core/somaxconn", LiveChange.Format.SYSCTL,
                "8192", "16384", true, "picked fix: sysctl net.core.somaxconn = 16384"));
        assertThat(p.manualSteps()).contains("restart running Go services when convenient: " + Planner.SOMAXCONN_RESTART);
    }

    @Test
    void theProfilesValueWithoutAFixIsWrittenWithTheFirstSentenceOfItsWhy() {
        Plan p = plan(SOMAXCONN_4096, DEBIAN, List.of());
        assertThat(body(p, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b)
                .endsWith("# Profile edge\n# Backlog for bursts.\nnet.core.somaxconn = 4096\n"));
        assertThat(p.live()).extracting(LiveChange::after).containsExactly("4096");
        assertThat(p.actions()).isEmpty();
    }

    @Test
    void aValueAlreadyLiveAndConfiguredIsNotWrittenOneOnlyLiveOrOnlyConfiguredIs() {
        // swappiness 10 live and in 60-custom.conf: nothing to do
        Plan same = plan("sysctl:\n" + entry("vm.swappiness", "10", "Keep it."), DEBIAN, List.of());
        assertThat(same.files()).isEmpty();
        assertThat(same.live()).isEmpty();
        // live 10 but the file says 60: written (so the next boot keeps it), nothing to set live
        HostFacts fileDiffers = withSysctl(DEBIAN, "vm.swappiness", true, "10", new SysctlAssignment("vm.swappiness", "60", false,
                new Source.File("/etc/sysctl.d/30-old.conf", 2)));
        Plan p = plan("sysctl:\n" + entry("vm.swappiness", "10", "Keep it."), fileDiffers, List.of());
        assertThat(body(p, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b).contains("vm.swappiness = 10\n"));
        assertThat(p.live()).isEmpty();
        assertThat(p.conflicts()).as("30-old.conf loads before ours").isEmpty();
        // configured nowhere and live 60, the kernel's own default: every boot gives it, nothing to write
        HostFacts kernelDefault = withSysctl(DEBIAN, "vm.swappiness", true, "60", null);
        assertThat(plan("sysctl:\n" + entry("vm.swappiness", "60", "Keep it."), kernelDefault, List.of()).files()).isEmpty();
        // configured nowhere but live 10 (someone ran sysctl -w): lost at the next boot unless written
        HostFacts runtimeOnly = withSysctl(DEBIAN, "vm.swappiness", true, "10", null);
        assertThat(body(plan("sysctl:\n" + entry("vm.swappiness", "10", "Keep it."), runtimeOnly, List.of()), OwnedFiles.SYSCTL_DROPIN))
                .hasValueSatisfying(b -> assertThat(b).contains("vm.swappiness = 10\n"));
    }

    @ParameterizedTest(name = "{0} loads after 60-golive.conf: {1}")
    @CsvSource({"/etc/sysctl.d/70-late.conf, true", "/etc/sysctl.d/60-zzz.conf, true", "/usr/lib/sysctl.d/99-vendor.conf, true",
            "/etc/sysctl.conf, true", "/etc/sysctl.d/60-golive.conf, false", "/etc/sysctl.d/60-custom.conf, false", "/etc/sysctl.d/10-early.conf, false"})
    void aFileThatLoadsAfterOursAndDisagreesIsAConflict(String file, boolean after) {
        assertThat(Planner.loadsAfterOurs(new Source.File(file, 1))).isEqualTo(after);
        HostFacts h = withSysctl(DEBIAN, "net.core.somaxconn", true, "8192", new SysctlAssignment("net.core.somaxconn", "8192", false, new Source.File(file, 4)));
        Plan p = plan(SOMAXCONN_4096, h, List.of());
        if (after && !file.equals("/etc/sysctl.d/60-golive.conf")) {
            assertThat(p.conflicts()).containsExactly(new PlanConflict("net.core.somaxconn", "4096", "8192", new Source.File(file, 4),
                    file + ":4 loads after " + OwnedFiles.SYSCTL_DROPIN + " and sets 8192: at the next boot it wins. Remove or change that line yourself."));
        } else {
            assertThat(p.conflicts()).isEmpty();
        }
        // agreeing with us is no conflict wherever it loads
        HostFacts agrees = withSysctl(DEBIAN, "net.core.somaxconn", true, "8192", new SysctlAssignment("net.core.somaxconn", " 4096 ", false, new Source.File(file, 4)));
        assertThat(plan(SOMAXCONN_4096, agrees, List.of()).conflicts()).isEmpty();
    }

    @Test
    void aKeyTheKernelLacksOrALiveValueNotReadIsAManualStep() {
        HostFacts gone = withSysctl(DEBIAN, "net.core.somaxconn", false, null, null);
        Plan p = plan(SOMAXCONN_4096, DEBIAN, List.of(new FixChange.SysctlChange("net.ipv4.tcp_max_syn_backlog", "8192")));
        assertThat(p.live()).extracting(LiveChange::key).containsExactly("net.core.somaxconn", "net.ipv4.tcp_max_syn_backlog");
        Plan missing = plan("sysctl:\n" + entry("vm.swappiness", "20", "Less swap."), gone, List.of(new FixChange.SysctlChange("net.core.somaxconn", "8192")));
        assertThat(missing.manualSteps()).contains("not planned: net.core.somaxconn does not exist on this kernel");
        assertThat(body(missing, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b).doesNotContain("somaxconn"));
        HostFacts unread = withSysctl(DEBIAN, "net.core.somaxconn", true, null, null);
        Plan later = plan(SOMAXCONN_4096, unread, List.of());
        assertThat(later.live()).isEmpty();
        assertThat(later.manualSteps()).contains("net.core.somaxconn: live value unknown here (not readable); it takes effect at the next boot or with `sysctl --system`");
        assertThat(body(later, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b).contains("net.core.somaxconn = 4096\n"));
    }

    @Test
    void inAContainerAGlobalKeyIsForTheHostANamespacedOneIsPlanned() {
        HostFacts c = inContainer(DEBIAN, true);
        Plan p = plan("sysctl:\n" + entry("vm.swappiness", "20", "Less swap. Really.") + entry("net.core.somaxconn", "4096", "Backlog."), c, List.of());
        assertThat(p.manualSteps()).contains("set vm.swappiness = 20 on the container's host: it is global, not per network namespace (Less swap.)");
        assertThat(body(p, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b).contains("net.core.somaxconn = 4096").doesNotContain("swappiness"));
    }

    @Test
    void aPickedRemovalOfGolivesOwnLineDropsItAnyOtherFileIsLeftToTheAdmin() {
        Plan ours = plan(SOMAXCONN_4096, DEBIAN, List.of(new FixChange.SysctlRemoval("net.core.somaxconn", new Source.File(OwnedFiles.SYSCTL_DROPIN, 3))));
        assertThat(body(ours, OwnedFiles.SYSCTL_DROPIN)).isEmpty();
        assertThat(ours.live()).isEmpty();
        Plan theirs = plan(SOMAXCONN_4096, DEBIAN, List.of(new FixChange.SysctlRemoval("net.core.somaxconn", new Source.File("/etc/sysctl.d/60-custom.conf", 2))));
        assertThat(body(theirs, OwnedFiles.SYSCTL_DROPIN)).hasValueSatisfying(b -> assertThat(b).contains("net.core.somaxconn = 4096"));
        assertThat(theirs.manualSteps()).contains("remove or comment out net.core.somaxconn in /etc/sysctl.d/60-custom.conf:2 yourself: golive never edits a file it does not own");
    }

    @ParameterizedTest(name = "range {0}: ports inside {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8080 60999  | [8080]
            1024 8080   | [8080]
            8081 60999  | none
            1024 8079   | none
            """)
    void aListeningPortOnTheEdgeOfANewPortRangeIsInsideIt(String range, String inside) {
        Plan p = plan("sysctl:\n" + entry("net.ipv4.ip_local_port_range", "\"" + range + "\"", "Ports."), DEBIAN, List.of());
        if (inside.equals("none")) assertThat(p.manualSteps()).noneMatch(s -> s.startsWith("listening ports"));
        else assertThat(p.manualSteps()).contains("listening ports " + inside + " fall inside net.ipv4.ip_local_port_range " + range
                + ": reserve them with net.ipv4.ip_local_reserved_ports so outgoing connections cannot take them");
    }

    // ---- manager defaults ----

    static final String NOFILE = "manager:\n" + entry("DefaultLimitNOFILE", "\"1024:1048576\"", "Go raises the soft limit itself. More.");

    @Test
    void aPickedManagerFixWinsOverTheProfileAndReExecsTheManager() {
        Plan p = plan(NOFILE, DEBIAN, List.of(new FixChange.ManagerDefaultChange("DefaultLimitNOFILE", "2048:524288")));
        assertThat(body(p, OwnedFiles.MANAGER_DROPIN)).hasValueSatisfying(b -> assertThat(b)
                .endsWith("# Profile edge\n[Manager]\n# picked fix: [Manager] DefaultLimitNOFILE=2048:524288\nDefaultLimitNOFILE=2048:524288\n"));
        assertThat(p.actions()).extracting(PlanAction::kind).containsExactly(PlanAction.Kind.DAEMON_REEXEC);
        assertThat(p.manualSteps()).contains("restart running Go services when convenient: manager defaults apply to processes started after the re-exec");
    }

    @Test
    void aManagerValueEqualToTheCompiledDefaultOrTheConfiguredOneIsNotWritten() {
        // systemd 252's compiled default is 1024:524288, written differently
        assertThat(plan("manager:\n" + entry("DefaultLimitNOFILE", "\"1024:524288\"", "Default."), DEBIAN, List.of()).files()).isEmpty();
        HostFacts set = withManagerDefault(DEBIAN, "DefaultTimeoutStopSec", "30s", new Source.File("/etc/systemd/system.conf", 40));
        assertThat(plan("manager:\n" + entry("DefaultTimeoutStopSec", "30s", "Stop."), set, List.of()).files()).isEmpty();
        assertThat(body(plan("manager:\n" + entry("DefaultTimeoutStopSec", "20s", "Stop."), set, List.of()), OwnedFiles.MANAGER_DROPIN))
                .hasValueSatisfying(b -> assertThat(b).contains("DefaultTimeoutStopSec=20s\n"));
        // a key the host does not show is written
        assertThat(body(plan("manager:\n" + entry("DefaultTimeoutStopSec", "30s", "Stop."), DEBIAN, List.of()), OwnedFiles.MANAGER_DROPIN)).isPresent();
    }

    @Test
    void aManagerDropInThatSortsAfterOursAndDisagreesIsAConflict() {
        Source.File late = new Source.File("/etc/systemd/system.conf.d/90-limits.conf", 2);
        HostFacts h = withManagerDefault(DEBIAN, "DefaultLimitNOFILE", "4096:8192", late);
        Plan p = plan(NOFILE, h, List.of());
        assertThat(p.conflicts()).containsExactly(new PlanConflict("DefaultLimitNOFILE", "1024:1048576", "4096:8192", late,
                late.describe() + " sorts after " + OwnedFiles.MANAGER_DROPIN + " and sets DefaultLimitNOFILE=4096:8192: it wins."));
        Source.File early = new Source.File("/etc/systemd/system.conf.d/10-limits.conf", 2);
        assertThat(plan(NOFILE, withManagerDefault(DEBIAN, "DefaultLimitNOFILE", "4096:8192", early), List.of()).conflicts()).isEmpty();
        Source.File main = new Source.File("/etc/systemd/system.conf", 40);
        assertThat(plan(NOFILE, withManagerDefault(DEBIAN, "DefaultLimitNOFILE", "4096:8192", main), List.of()).conflicts()).isEmpty();
    }

    @Test
    void inAContainerWithoutSystemdAsPidOneManagerDefaultsAreNotPlanned() {
        Plan p = plan(NOFILE, inContainer(DEBIAN, false), List.of());
        assertThat(p.files()).extracting(FileChange::path).doesNotContain(OwnedFiles.MANAGER_DROPIN);
        assertThat(p.manualSteps()).contains("not planned: [Manager] DefaultLimitNOFILE=1024:1048576: systemd is not PID 1 in this container");
        assertThat(body(plan(NOFILE, inContainer(DEBIAN, true), List.of()), OwnedFiles.MANAGER_DROPIN)).isPresent();
    }

    @Test
    void anotherInitAsPidOneOutsideAContainerStillGetsTheDropIn() {
        // the manager drop-in is only skipped where both hold: a container and systemd not PID 1
        assertThat(body(plan(NOFILE, inContainer(DEBIAN, "none", false), List.of()), OwnedFiles.MANAGER_DROPIN)).isPresent();
    }

    @Test
    void aSameNamedDropInInALowerPriorityDirectoryIsMaskedByOursNoConflict() {
        // /etc/systemd/system.conf.d/60-golive.conf masks a 60-golive.conf under /usr/lib (systemd-system.conf(5))
        Source.File vendor = new Source.File("/usr/lib/systemd/system.conf.d/60-golive.conf", 2);
        assertThat(plan(NOFILE, withManagerDefault(DEBIAN, "DefaultLimitNOFILE", "4096:8192", vendor), List.of()).conflicts()).isEmpty();
    }

    @Test
    void onlyTheManagerSectionOfGolivesOldDropInIsGolivesManagerSetting() {
        // golive's earlier drop-in: its [Manager] key stays; a key under another section is not a manager default
        String old = OwnedFiles.header("older") + "# Profile edge\n[Manager]\nDefaultTimeoutStopSec=20s\n[Unit]\nDefaultLimitNOFILE=1024:524288\n";
        Map<String, OwnedFileState> cur = Map.of(OwnedFiles.MANAGER_DROPIN, OwnedFileState.of(OwnedFiles.MANAGER_DROPIN, old));
        String yaml = "manager:\n" + entry("DefaultLimitNOFILE", "\"1024:524288\"", "Default.") + entry("DefaultTimeoutStopSec", "20s", "Stop.");
        Plan p = plan(yaml, DEBIAN, List.of(), Optional.empty(), cur, ServiceFiles.UNAVAILABLE);
        assertThat(body(p, OwnedFiles.MANAGER_DROPIN)).hasValueSatisfying(b -> assertThat(b)
                .endsWith("[Manager]\n# Stop.\nDefaultTimeoutStopSec=20s\n").doesNotContain("DefaultLimitNOFILE"));
    }

    // ---- sysfs ----

    @Test
    void aPickedSysfsFixWinsOverTheProfile() {
        String thp = "sysfs:\n" + entry("transparent_hugepage.defrag", "defer+madvise", "Defrag without stalls.");
        Plan p = plan(thp, DEBIAN, List.of(new FixChange.SysfsChange("transparent_hugepage.defrag", "/sys/kernel/mm/transparent_hugepage/defrag", "never")));
        assertThat(body(p, OwnedFiles.TMPFILES_DROPIN)).hasValueSatisfying(b -> assertThat(b)
                .contains("w /sys/kernel/mm/transparent_hugepage/defrag - - - - never\n").doesNotContain("defer+madvise"));
        assertThat(p.live()).extracting(LiveChange::after).containsExactly("never");
    }

    // ---- the service: section and the service's fixes ----

    static final String SERVICE = "service:\n"
            + entry("LimitNOFILE", "\"2048:1048576\"", "Files.")
            + entry("TasksMax", "512", "Threads.")
            + entry("IOWeight", "200", "Disk.")
            + entry("Restart", "always", "Up.")
            + entry("RestartSec", "3s", "Wait.")
            + entry("StartLimitIntervalSec", "90s", "Window.")
            + entry("StartLimitBurst", "7", "Tries.")
            + entry("Hardening", "strict", "Sandbox.")
            + entry("GOMAXPROCS", "3", "Three.")
            + entry("GOMEMLIMIT", "\"80% of memory.max\"", "Heap.");

    static ServiceSpec seen(String yaml, ServiceSpec spec, List<FixChange> fixes) {
        List<ServiceSpec> out = new ArrayList<>();
        plan(yaml, DEBIAN, fixes, Optional.of(spec), Map.of(), (facts, s, changes, current, id) -> { out.add(s); return List.of(); });
        return out.get(0);
    }

    @Test
    void everyKeyOfTheProfilesServiceSectionReachesTheUnit() {
        ServiceSpec s = seen(SERVICE, ServiceSpec.named("api"), List.of());
        assertThat(s.resources().nofile().map(Object::toString)).hasValue("2048:1048576");
        assertThat(s.resources().tasksMax()).hasValue("512");
        assertThat(s.resources().ioWeight()).hasValue(200);
        assertThat(s.restart()).isEqualTo(new ServiceSpec.Restart("always", "3s", "90s", 7));
        assertThat(s.hardening()).isEqualTo(ServiceSpec.Hardening.STRICT);
        assertThat(s.go()).isEqualTo(new ServiceSpec.GoRuntime(ServiceSpec.GoRuntime.Mode.DERIVE, Optional.of(3), Optional.empty(), 80));
    }

    @Test
    void aGoRuntimeOffInTheProfileAndDeriveForGomaxprocsAreKept() {
        ServiceSpec s = seen("service:\n" + entry("GoRuntime", "\"off\"", "Hands off.") + entry("GOMAXPROCS", "derive", "Runtime."), ServiceSpec.named("api"), List.of());
        assertThat(s.go()).isEqualTo(new ServiceSpec.GoRuntime(ServiceSpec.GoRuntime.Mode.OFF, Optional.empty(), Optional.empty(), 90));
        assertThat(seen("service:\n" + entry("TasksMax", "512", "Threads."), ServiceSpec.named("api"), List.of()).restart())
                .isEqualTo(ServiceSpec.Restart.DEFAULT);
    }

    @Test
    void explicitSpecValuesWinOverTheProfile() {
        ServiceSpec explicit = new ServiceSpec("api", Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false, Optional.empty(), List.of(),
                Map.of("GOMAXPROCS", "8", "GOGC", "200"), List.of(),
                new ServiceSpec.Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("64"),
                        dev.golive.model.NofileLimit.parse("4096:8192"), Optional.of(50)),
                new ServiceSpec.Restart("on-abnormal", "1s", "10s", 3), ServiceSpec.Hardening.NONE,
                new ServiceSpec.GoRuntime(ServiceSpec.GoRuntime.Mode.DERIVE, Optional.of(2), Optional.empty(), 95));
        ServiceSpec s = seen(SERVICE, explicit, List.of(new FixChange.ServiceEnvironmentChange("GOMAXPROCS", "2")));
        assertThat(s.resources().tasksMax()).hasValue("64");
        assertThat(s.resources().nofile().map(Object::toString)).hasValue("4096:8192");
        assertThat(s.resources().ioWeight()).hasValue(50);
        assertThat(s.restart()).isEqualTo(new ServiceSpec.Restart("on-abnormal", "1s", "10s", 3));
        assertThat(s.hardening()).isEqualTo(ServiceSpec.Hardening.NONE);
        assertThat(s.go()).isEqualTo(explicit.go());
        // the picked fix replaces the spec's environment value and keeps the rest
        assertThat(s.environment()).containsExactlyInAnyOrderEntriesOf(Map.of("GOMAXPROCS", "2", "GOGC", "200"));
    }

    @Test
    void unitFixesGoToTheRendererARemovalOnlyFromGolivesOwnDropIn() {
        List<List<FixChange>> got = new ArrayList<>();
        var change = new FixChange.UnitDirectiveChange("Service", "CPUQuota", "150%");
        var ours = new FixChange.UnitDirectiveRemoval("Service", "MemoryLimit", new Source.File(OwnedFiles.unitDropIn("api.service"), 4));
        Plan p = plan(SOMAXCONN_4096, DEBIAN, List.of(change, ours), Optional.of(ServiceSpec.named("api")), Map.of(),
                (facts, s, changes, current, id) -> { got.add(changes); return List.of(); });
        assertThat(got).containsExactly(List.of(change, ours));
        assertThat(p.manualSteps()).noneMatch(s -> s.contains("MemoryLimit"));
        // somaxconn changes live: the service is restarted by the plan, not left to the admin
        assertThat(p.actions()).extracting(PlanAction::kind).containsExactly(PlanAction.Kind.RESTART_SERVICE);
        assertThat(p.actions().get(0).unit()).hasValue("api.service");
        assertThat(p.actions().get(0).why()).isEqualTo(Planner.SOMAXCONN_RESTART);
    }

    @Test
    void withoutAServiceAnEnvironmentFixIsAManualStep() {
        Plan p = plan(SOMAXCONN_4096, DEBIAN, List.of(new FixChange.ServiceEnvironmentChange("GOMEMLIMIT", "921MiB")));
        assertThat(p.manualSteps()).contains("needs --service: [Service] Environment=GOMEMLIMIT=921MiB");
    }

    @Test
    void aRenderedUnitThatDiffersOnlyInItsHeaderIsNoChange() {
        String path = OwnedFiles.unitDropIn("api.service");
        String bodyText = "[Service]\nTasksMax=512\n";
        Map<String, OwnedFileState> cur = Map.of(path, OwnedFileState.of(path, OwnedFiles.header("older") + bodyText));
        ServiceFiles same = (facts, s, changes, current, id) -> List.of(new FileChange(path, current.get(path).content(),
                Optional.of(OwnedFiles.header(id) + bodyText), 0644, "root", "root", "drop-in"));
        Plan p = plan("sysctl:\n" + entry("vm.swappiness", "10", "Keep."), DEBIAN, List.of(), Optional.of(ServiceSpec.named("api")), cur, same);
        assertThat(p.files()).isEmpty();
        assertThat(p.actions()).isEmpty();
        ServiceFiles other = (facts, s, changes, current, id) -> List.of(new FileChange(path, current.get(path).content(),
                Optional.of(OwnedFiles.header(id) + "[Service]\nTasksMax=1024\n"), 0644, "root", "root", "drop-in"));
        Plan changed = plan("sysctl:\n" + entry("vm.swappiness", "10", "Keep."), DEBIAN, List.of(), Optional.of(ServiceSpec.named("api")), cur, other);
        assertThat(changed.files()).extracting(FileChange::path).containsExactly(path);
        assertThat(changed.actions()).extracting(PlanAction::kind).containsExactly(PlanAction.Kind.DAEMON_RELOAD, PlanAction.Kind.RESTART_SERVICE);
        // the same body with another mode is a change
        ServiceFiles mode = (facts, s, changes, current, id) -> List.of(new FileChange(path, current.get(path).content(),
                Optional.of(OwnedFiles.header(id) + bodyText), 0600, "root", "root", "drop-in"));
        assertThat(plan("sysctl:\n" + entry("vm.swappiness", "10", "Keep."), DEBIAN, List.of(), Optional.of(ServiceSpec.named("api")), cur, mode).files())
                .hasSize(1);
    }
}
