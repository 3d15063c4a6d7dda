package dev.golive.profile;

import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.KernelVersion;
import dev.golive.model.LiveChange;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a profile does on a host, section by section, as an admin writing
 * /etc/golive/profiles/edge.yaml sees it: its service: section completing the service (under
 * what the admin asked), its when: conditions, the host's size in expressions, the one file
 * and form golive may write live, and the YAML/UTF-8 mistakes it refuses.
 */
class ProfileSectionsTest {

    static Profile resolve(String yaml, HostFacts facts) {
        return ProfileResolver.resolve(ProfileCatalog.withTexts("/etc/golive/profiles", Map.of("edge", yaml)), "edge", facts);
    }

    static String entry(String key, String value, String why) {
        return "  " + key + ":\n    value: " + value + "\n    why: " + why + "\n";
    }

    static String when(String key, String value, String condition) {
        return "  " + key + ":\n    value: " + value + "\n    why: Test.\n    when: " + condition + "\n";
    }

    static GoliveException refused(String yaml, HostFacts facts) {
        return catchThrowableOfType(GoliveException.class, () -> resolve(yaml, facts));
    }

    // ---- the service: section ----

    static final String SERVICE = "service:\n" + entry("TasksMax", "512", "Threads.") + entry("LimitNOFILE", "\"65536:524288\"", "Sockets.")
            + entry("IOWeight", "50", "Disk.") + entry("Restart", "always", "Up.") + entry("RestartSec", "2s", "Soon.")
            + entry("StartLimitIntervalSec", "30s", "Window.") + entry("StartLimitBurst", "3", "Tries.") + entry("Hardening", "strict", "Less reach.")
            + entry("GOMEMLIMIT", "\"85% of memory.max\"", "Below the limit.") + entry("GOMAXPROCS", "4", "Four Ps.");

    @Test
    void everyServiceKeyOfTheProfileCompletesAServiceThatLeavesItUnsaid() {
        ServiceSpec s = resolve(SERVICE, new SmallHost().build()).service().applyTo(ServiceSpec.named("api"));
        assertThat(s.resources().tasksMax()).hasValue("512");
        assertThat(s.resources().nofile()).hasValue(new NofileLimit(65536, 524288));
        assertThat(s.resources().ioWeight()).hasValue(50);
        assertThat(s.restart()).isEqualTo(new ServiceSpec.Restart("always", "2s", "30s", 3));
        assertThat(s.hardening()).isEqualTo(ServiceSpec.Hardening.STRICT);
        assertThat(s.go()).isEqualTo(new ServiceSpec.GoRuntime(ServiceSpec.GoRuntime.Mode.DERIVE, Optional.of(4), Optional.empty(), 85));
        assertThat(s.name()).isEqualTo("api");
    }

    @Test
    void whatTheAdminAskedForWinsOverTheProfile() {
        ServiceSpec named = ServiceSpec.named("api");
        ServiceSpec.Resources asked = new ServiceSpec.Resources(named.resources().cpuQuota(), named.resources().memoryMax(), named.resources().memoryHigh(),
                Optional.of("100"), Optional.of(new NofileLimit(1024, 4096)), Optional.of(200));
        ServiceSpec.Restart restart = new ServiceSpec.Restart("on-abort", "9s", "90s", 7);
        ServiceSpec spec = new ServiceSpec(named.name(), named.description(), named.exec(), named.arguments(), named.user(), named.dynamicUser(),
                named.workingDirectory(), named.stateDirectories(), named.environment(), named.ports(), asked, restart, ServiceSpec.Hardening.NONE,
                ServiceSpec.GoRuntime.OFF);
        ServiceSpec s = resolve(SERVICE, new SmallHost().build()).service().applyTo(spec);
        assertThat(s.resources()).isEqualTo(asked);
        assertThat(s.restart()).isEqualTo(restart);
        assertThat(s.hardening()).isEqualTo(ServiceSpec.Hardening.NONE);
        assertThat(s.go()).isEqualTo(ServiceSpec.GoRuntime.OFF);
    }

    @Test
    void aProfileThatSaysNothingOfTheRuntimeLeavesItAloneOneThatSaysOffTurnsItOff() {
        ServiceSpec quiet = resolve("service:\n" + entry("TasksMax", "512", "Threads."), new SmallHost().build()).service().applyTo(ServiceSpec.named("api"));
        assertThat(quiet.go()).isEqualTo(ServiceSpec.GoRuntime.DEFAULT);
        assertThat(quiet.restart()).isEqualTo(ServiceSpec.Restart.DEFAULT);
        assertThat(quiet.hardening()).isEqualTo(ServiceSpec.Hardening.BASIC);
        assertThat(quiet.resources().nofile()).isEmpty();
        ServiceSpec off = resolve("service:\n" + entry("GoRuntime", "\"off\"", "Hands off."), new SmallHost().build()).service().applyTo(ServiceSpec.named("api"));
        assertThat(off.go().mode()).isEqualTo(ServiceSpec.GoRuntime.Mode.OFF);
        // GOMAXPROCS: derive says how the runtime is tuned without a number
        ServiceSpec derive = resolve("service:\n" + entry("GOMAXPROCS", "derive", "Runtime."), new SmallHost().build()).service()
                .applyTo(ServiceSpec.named("api"));
        assertThat(derive.go()).isEqualTo(new ServiceSpec.GoRuntime(ServiceSpec.GoRuntime.Mode.DERIVE, Optional.empty(), Optional.empty(), 90));
        // an asked DERIVE is completed too: the profile's percent and GOMAXPROCS fill it in
        ServiceSpec n = ServiceSpec.named("api");
        ServiceSpec askedDerive = new ServiceSpec(n.name(), n.description(), n.exec(), n.arguments(), n.user(), n.dynamicUser(), n.workingDirectory(),
                n.stateDirectories(), n.environment(), n.ports(), n.resources(), n.restart(), n.hardening(), ServiceSpec.GoRuntime.DERIVE);
        assertThat(resolve(SERVICE, new SmallHost().build()).service().applyTo(askedDerive).go())
                .isEqualTo(new ServiceSpec.GoRuntime(ServiceSpec.GoRuntime.Mode.DERIVE, Optional.of(4), Optional.empty(), 85));
    }

    // ---- when: conditions ----

    @Test
    void isolatedCpusHoldsWithIsolcpusOrNohzFullAndNotOtherwise() {
        String yaml = "sysctl:\n" + when("net.core.busy_poll", "50", "isolated-cpus");
        assertThat(resolve(yaml, new SmallHost().isolcpus("2-3").build()).sysctl("net.core.busy_poll")).get()
                .extracting(Profile.Value::value).isEqualTo("50");
        assertThat(resolve(yaml, new SmallHost().nohzFull("1-7").build()).sysctl("net.core.busy_poll")).isPresent();
        for (HostFacts none : List.of(new SmallHost().build(), new SmallHost().isolcpus("").nohzFull(" ").build())) {
            Profile p = resolve(yaml, none);
            assertThat(p.sysctls()).isEmpty();
            assertThat(p.skipped()).extracting(Profile.Skipped::reason)
                    .containsExactly("when: isolated-cpus: no isolcpus= or nohz_full= on the kernel command line");
        }
    }

    @Test
    void noContainerHoldsOnlyWhereTheHostIsKnownNotToBeOne() {
        String yaml = "sysctl:\n" + when("vm.swappiness", "10", "no-container");
        assertThat(resolve(yaml, new SmallHost().build()).sysctl("vm.swappiness")).get().extracting(Profile.Value::value).isEqualTo("10");
        Profile docker = resolve(yaml, new SmallHost().container("docker").build());
        assertThat(docker.sysctls()).isEmpty();
        assertThat(docker.skipped()).extracting(Profile.Skipped::reason).containsExactly("when: no-container: the host is (or may be) a container");
    }

    @Test
    void cgroupV2HoldsOnlyOnAPureV2Host() {
        String yaml = "sysctl:\n" + when("vm.swappiness", "10", "cgroup-v2");
        assertThat(resolve(yaml, FixtureHosts.facts("debian12-vm")).sysctl("vm.swappiness")).isPresent();
        Profile hybrid = resolve(yaml, FixtureHosts.facts("ubuntu2004-hybrid"));
        assertThat(hybrid.sysctls()).isEmpty();
        assertThat(hybrid.skipped()).extracting(Profile.Skipped::reason).containsExactly("when: cgroup-v2: the host is not on cgroup v2 only");
    }

    // ---- the host's size in expressions ----

    @Test
    void cpuCountAndMemoryTotalAreTheHostsAndAnUnknownOneSkipsTheValue() {
        String yaml = "sysctl:\n" + entry("net.core.somaxconn", "cpu.count", "One per CPU.") + entry("fs.file-max", "memory.total", "One per byte.");
        Profile p = resolve(yaml, new SmallHost().cpus(12).ram(3 * SmallHost.GIB).build());
        assertThat(p.sysctl("net.core.somaxconn")).get().extracting(Profile.Value::value).isEqualTo("12");
        assertThat(p.sysctl("fs.file-max")).get().extracting(Profile.Value::value).isEqualTo(Long.toString(3 * SmallHost.GIB));
        Profile unknown = resolve(yaml, new SmallHost().cpus(null).ram(null).build());
        assertThat(unknown.sysctls()).isEmpty();
        assertThat(unknown.skipped()).extracting(Profile.Skipped::reason).containsExactly("cpu.count: unknown (x)", "memory.total: unknown (x)");
    }

    @Test
    void aServiceValueMayNotUseCurrent() {
        GoliveException e = refused("service:\n" + entry("TasksMax", "512", "Threads.") + "manager:\n"
                + entry("DefaultLimitNOFILE", "\"current:524288\"", "No."), new SmallHost().build());
        assertThat(e.getMessage()).contains("DefaultLimitNOFILE: \"current\" is only for sysctl values");
    }

    // ---- the live keys: one file and one form each ----

    @Test
    void eachLiveKeyHasItsOneFileAndOnlyTheFormThePlannerWritesPasses() {
        assertThat(LiveKeys.of("net.core.somaxconn")).hasValue(new LiveKeys.LiveKey("net.core.somaxconn", LiveChange.Format.SYSCTL,
                "/proc/sys/net/core/somaxconn", true));
        assertThat(LiveKeys.of(SysfsChoices.THP_DEFRAG)).hasValue(new LiveKeys.LiveKey(SysfsChoices.THP_DEFRAG, LiveChange.Format.SYSFS_CHOICE,
                SysfsChoices.THP_DEFRAG_PATH, false));
        assertThat(LiveKeys.of("kernel.core_pattern")).isEmpty();
        assertThat(LiveKeys.keys()).contains("net.core.somaxconn", "vm.swappiness", SysfsChoices.THP_ENABLED, SysfsChoices.THP_DEFRAG);

        assertThat(LiveKeys.valueProblem("net.core.somaxconn", "4096")).isEmpty();
        assertThat(LiveKeys.valueProblem("net.core.somaxconn", "010"))
                .hasValue("net.core.somaxconn: \"010\" is not written as golive writes it (\"10\")");
        assertThat(LiveKeys.valueProblem("net.core.somaxconn", "4096\n1")).hasValue("net.core.somaxconn: \"4096\\n1\" is not a whole number");
        assertThat(LiveKeys.valueProblem("vm.swappiness", "201")).hasValue("vm.swappiness: 201 is out of range 0..200");
        assertThat(LiveKeys.valueProblem("net.ipv4.ip_local_port_range", "1024 65000")).isEmpty();
        assertThat(LiveKeys.valueProblem("net.ipv4.ip_local_port_range", "1024  65000"))
                .hasValue("net.ipv4.ip_local_port_range: \"1024  65000\" is not written as golive writes it (\"1024 65000\")");
        assertThat(LiveKeys.valueProblem(SysfsChoices.THP_ENABLED, "madvise")).isEmpty();
        assertThat(LiveKeys.valueProblem(SysfsChoices.THP_ENABLED, "sometimes"))
                .hasValue("transparent_hugepage.enabled: \"sometimes\" is not one of always, madvise, never");
        assertThat(LiveKeys.valueProblem("kernel.core_pattern", "|/bin/sh")).hasValue("kernel.core_pattern: not a key golive writes live");
    }

    // ---- which THP defrag choices a kernel offers ----

    @Test
    void thpDefragChoicesFollowTheKernelVersion() {
        Optional<KernelVersion> k310 = Optional.of(KernelVersion.of(3, 10)), k46 = Optional.of(KernelVersion.of(4, 6)),
                k411 = Optional.of(KernelVersion.of(4, 11));
        assertThat(SysfsChoices.offered(SysfsChoices.THP_DEFRAG, k310)).hasValue(List.of("always", "madvise", "never"));
        assertThat(SysfsChoices.offered(SysfsChoices.THP_DEFRAG, k46)).hasValue(List.of("always", "defer", "madvise", "never"));
        assertThat(SysfsChoices.offered(SysfsChoices.THP_DEFRAG, k411)).isEmpty();
        assertThat(SysfsChoices.offered(SysfsChoices.THP_ENABLED, k310)).isEmpty();
        assertThat(SysfsChoices.firstOffered(SysfsChoices.THP_DEFRAG, k310, SysfsChoices.THP_DEFRAG_WANTED)).hasValue("madvise");
        assertThat(SysfsChoices.firstOffered(SysfsChoices.THP_DEFRAG, k411, SysfsChoices.THP_DEFRAG_WANTED)).hasValue("defer+madvise");
        assertThat(SysfsChoices.firstOffered(SysfsChoices.THP_DEFRAG, Optional.empty(), SysfsChoices.THP_DEFRAG_WANTED)).hasValue("defer+madvise");
        assertThat(SysfsChoices.firstOffered(SysfsChoices.THP_DEFRAG, k310, List.of("defer+madvise"))).isEmpty();
    }

    // ---- what a profile file may not be ----

    @Test
    void aSecondYamlDocumentIsRefusedAtItsMarker() {
        String two = "sysctl:\n" + entry("vm.swappiness", "10", "Keep.") + "---\nsysctl: {}\n";
        assertThat(refused(two, new SmallHost().build()).getMessage())
                .isEqualTo("/etc/golive/profiles/edge.yaml:5:1: a second YAML document (after \"---\"); a profile is one document");
        String marked = "sysctl:\n" + entry("vm.swappiness", "10", "Keep.") + "--- # next\nsysctl: {}\n";
        assertThat(refused(marked, new SmallHost().build()).getMessage()).startsWith("/etc/golive/profiles/edge.yaml:5:1: a second YAML document");
    }

    @Test
    void aByteThatIsNotUtf8IsRefusedAtItsLineAndColumn() {
        byte[] head = "description: caf".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] line1 = "sysctl: {}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(line1.length + head.length + 2);
        b.put(line1).put(head).put((byte) 0xe9).put((byte) '\n').flip();
        GoliveException e = catchThrowableOfType(GoliveException.class, () -> ProfileParser.parse("edge", "/etc/golive/profiles/edge.yaml", "/etc/golive/profiles", b));
        assertThat(e.getMessage()).isEqualTo("/etc/golive/profiles/edge.yaml:2:17: not UTF-8 text (byte 0xe9)");
        ByteBuffer ok = ByteBuffer.wrap("description: café\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ProfileParser.parse("edge", "/etc/golive/profiles/edge.yaml", "/etc/golive/profiles", ok).description()).hasValue("café");
    }

    // ---- values checked against their key's type, each on its edge ----

    @Test
    void eachTypeOfValueIsCheckedOnItsEdge() {
        HostFacts h = new SmallHost().build();
        assertThat(resolve("service:\n" + entry("TasksMax", "\"100%\"", "All."), h).service().get("TasksMax")).hasValue("100%");
        assertThat(refused("service:\n" + entry("TasksMax", "\"101%\"", "More."), h).getMessage())
                .isEqualTo("/etc/golive/profiles/edge.yaml:3:13: TasksMax: 101% is more than 100%");
        assertThat(refused("service:\n" + entry("IOWeight", "10001", "Heavy."), h).getMessage())
                .isEqualTo("/etc/golive/profiles/edge.yaml:3:12: IOWeight: 10001 is out of range 1..10000");
        assertThat(resolve("service:\n" + entry("IOWeight", "10000", "Heavy."), h).service().get("IOWeight")).hasValue("10000");
        // every option of a choice is checked, not only the first
        assertThat(refused("service:\n" + entry("Restart", "\"always|sometimes\"", "Up."), h).getMessage())
                .endsWith("Restart: \"sometimes\" is not one of no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always");
        // a soft limit equal to the hard one is fine; an error in the hard side is placed in the hard side
        assertThat(resolve("manager:\n" + entry("DefaultLimitNOFILE", "\"65536:65536\"", "Even."), h).manager())
                .extracting(Profile.Value::value).containsExactly("65536:65536");
        assertThat(refused("manager:\n" + entry("DefaultLimitNOFILE", "\"1024:max(1\"", "Broken."), h).getMessage())
                .isEqualTo("/etc/golive/profiles/edge.yaml:3:23: DefaultLimitNOFILE: expected \",\" or \")\"");
    }
}
