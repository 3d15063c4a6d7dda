package dev.golive.profile;

import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** include: several parents merge left to right, the profile's own values last; cycles are named. */
class ProfileIncludeTest {

    private static final HostFacts DEBIAN = FixtureHosts.facts("debian12-vm");

    private static String sysctl(String key, String value) {
        return "sysctl:\n  " + key + ":\n    value: " + value + "\n    why: set by this test profile\n";
    }

    @Test
    void parentsMergeLeftToRightAndTheChildWins() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("left", sysctl("vm.swappiness", "30") + "  net.core.somaxconn:\n    value: 5000\n    why: left sets it\n");
        t.put("right", sysctl("vm.swappiness", "20"));
        t.put("child", "include: [left, right]\n" + sysctl("net.core.somaxconn", "6000"));
        Profile p = ProfileResolver.resolve(ProfileCatalog.withTexts("/etc/golive/profiles", t), "child", DEBIAN);
        assertThat(p.chain()).containsExactly("left", "right", "child");
        assertThat(p.sysctl("vm.swappiness").orElseThrow().value()).isEqualTo("20");
        assertThat(p.sysctl("vm.swappiness").orElseThrow().origin()).isEqualTo("/etc/golive/profiles/right.yaml:2");
        assertThat(p.sysctl("net.core.somaxconn").orElseThrow().value()).isEqualTo("6000");
    }

    @Test
    void aCycleIsReportedWithItsChain() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("a", "include: b\n");
        t.put("b", "include: [base, c]\n");
        t.put("c", "include: a\n");
        assertThatThrownBy(() -> ProfileResolver.resolve(ProfileCatalog.withTexts("/etc/golive/profiles", t), "a", DEBIAN))
                .isInstanceOf(GoliveException.class)
                .hasMessage("/etc/golive/profiles/c.yaml:1:10: include cycle: a → b → c → a");
    }

    @Test
    void aUserProfileOfTheSameNameOverridesTheShippedOneAndIncludesSeeIt() {
        Map<String, String> t = Map.of("base", sysctl("net.core.somaxconn", "max(current, 12345)"));
        ProfileCatalog c = ProfileCatalog.withTexts("/etc/golive/profiles", t);
        Profile web = ProfileResolver.resolve(c, "web-api", DEBIAN);
        assertThat(web.chain()).containsExactly("base", "web-api");
        // web-api sets its own somaxconn; the override shows in what only base sets: nothing else of shipped base remains
        assertThat(web.manager()).isEmpty();
        assertThat(c.list()).filteredOn(l -> l.name().equals("base")).singleElement()
                .satisfies(l -> {
                    assertThat(l.origin()).isEqualTo("/etc/golive/profiles");
                    assertThat(l.overrides()).containsExactly("profiles/base.yaml");
                });
    }

    @Test
    void expressionsSeeTheValuesTheProfilePlansNotOnlyLiveOnes() {
        // ubuntu2004-hybrid (syncookies off): somaxconn live 4096; web-api raises it to 8192 and the SYN backlog follows the planned value
        Profile web = ProfileResolver.resolve(ProfileCatalog.shipped(), "web-api", FixtureHosts.facts("ubuntu2004-hybrid"));
        assertThat(web.sysctl("net.core.somaxconn").orElseThrow().value()).isEqualTo("8192");
        assertThat(web.sysctl("net.ipv4.tcp_max_syn_backlog").orElseThrow().value()).isEqualTo("8192");
        // centos7: somaxconn live 128, raised to 4096
        Profile p = ProfileResolver.resolve(ProfileCatalog.shipped(), "base", FixtureHosts.facts("centos7-v1"));
        assertThat(p.sysctl("net.core.somaxconn").orElseThrow().value()).isEqualTo("4096");
        assertThat(p.manager()).singleElement().satisfies(v -> assertThat(v.value()).isEqualTo("1024:524288"));
        assertThat(p.service().get("LimitNOFILE")).hasValue("1024:524288");
    }

    @Test
    void memoryMaxIsTheTightestCgroupLimitAndPercentRoundsDown() {
        Map<String, String> t = Map.of("mem", """
                service:
                  TasksMax:
                    value: 64
                    why: a test value
                sysctl:
                  vm.max_map_count:
                    value: max(65530, 1% of memory.max)
                    why: a test value derived from the container's memory limit
                """);
        Profile p = ProfileResolver.resolve(ProfileCatalog.withTexts("/tmp/p", t), "mem", FixtureHosts.facts("container-quota"));
        // 2 GiB limit: 1% = 21474836
        assertThat(p.sysctl("vm.max_map_count").orElseThrow().value()).isEqualTo("21474836");
        Profile onVm = ProfileResolver.resolve(ProfileCatalog.withTexts("/tmp/p", t), "mem", DEBIAN);
        assertThat(onVm.sysctls()).isEmpty();
        assertThat(onVm.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo("memory.max: no cgroup memory limit on this host"));
    }

    @Test
    void whenConditionsSkipValuesWithTheReason() {
        Profile p = ProfileResolver.resolve(ProfileCatalog.shipped(), "low-latency", DEBIAN);
        assertThat(p.sysctl("net.core.busy_read")).isEmpty();
        assertThat(p.skipped()).extracting(Profile.Skipped::key).containsExactly("net.ipv4.tcp_max_syn_backlog", "net.core.busy_read", "net.core.busy_poll");
        assertThat(p.skipped().get(0).reason()).isEqualTo("when: syncookies-off: net.ipv4.tcp_syncookies is 1: the kernel reads tcp_max_syn_backlog only when it is 0");
        assertThat(p.skipped().get(1).reason()).isEqualTo("when: isolated-cpus: no isolcpus= or nohz_full= on the kernel command line");
    }

    @Test
    void onAHostWithoutProcSysDerivedValuesAreSkippedNotGuessed() {
        Profile p = ProfileResolver.resolve(ProfileCatalog.shipped(), "base", FixtureHosts.facts("sparse"));
        assertThat(p.sysctls()).isEmpty();
        assertThat(p.skipped()).extracting(Profile.Skipped::key).contains("net.core.somaxconn", "net.ipv4.tcp_max_syn_backlog");
    }
}
