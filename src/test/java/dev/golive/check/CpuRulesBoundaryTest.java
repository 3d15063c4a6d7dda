package dev.golive.check;

import dev.golive.model.CpuFacts;
import dev.golive.model.Fact;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.ProposedFix;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CPU rules on the edges of their thresholds, each with the exact fix it proposes: a quota
 * just under and exactly at the CPU count, exactly 2.0 CPUs, GOMAXPROCS at and above the quota
 * rounded up, and which Go runtime reads the quota (binary, go.mod, GODEBUG). A wrong floor, a
 * CPUQuota=0% or a GOMAXPROCS from the wrong count shows here.
 */
class CpuRulesBoundaryTest {

    static final String IGNORES = "CPU-GOMAXPROCS-IGNORES-QUOTA";
    static final String PARENT = "CPU-QUOTA-ON-PARENT";
    static final String BELOW_TWO = "CPU-QUOTA-BELOW-TWO";
    static final String ABOVE = "CPU-GOMAXPROCS-ABOVE-QUOTA";
    static final String ENV = "CPU-GOMAXPROCS-ENV";

    static final Source LEAF_CPU_MAX = Source.File.of("/sys/fs/cgroup/system.slice/app.service/cpu.max");
    static final Source SLICE_CPU_MAX = Source.File.of("/sys/fs/cgroup/system.slice/cpu.max");
    static final Source BINARY = Source.File.of("/usr/local/bin/app");
    static final Source ENV_LINE = new Source.File(TestHosts.UNIT, 30);

    static TestHosts s() { return TestHosts.withService(); }

    static List<Finding> of(String id, HostFacts host) {
        return Checker.run(host).findings().stream().filter(f -> f.ruleId().equals(id)).toList();
    }

    static List<Finding> of(String id, TestHosts host) { return of(id, host.build()); }

    static Finding one(String id, TestHosts host) {
        List<Finding> f = of(id, host);
        assertThat(f).as(id).hasSize(1);
        return f.get(0);
    }

    static List<FixChange> changes(Finding f) { return f.fix().map(ProposedFix::changes).orElseThrow(); }

    static FixChange env(String name, String value) { return new FixChange.ServiceEnvironmentChange(name, value); }

    /** The host shows {@code logical} CPUs but the service may run on {@code affinity} of them (taskset, CPUAffinity=). */
    static HostFacts affinity(TestHosts t, Integer affinity) {
        HostFacts h = t.build();
        CpuFacts c = h.cpu();
        CpuFacts narrowed = new CpuFacts(c.logicalCpus(), c.physicalCores(), c.sockets(), c.smtActive(), c.onlineList(), c.affinityList(),
                affinity == null ? Fact.unknown("no /proc/self/status") : Fact.of(affinity, Source.File.of("/proc/self/status")), c.isolcpus(), c.nohzFull(), c.modelName(), c.flags(),
                c.goamd64Level(), c.arm64Features(), c.cgroupPath(), c.cpuLimits());
        return new HostFacts(h.origin(), h.os(), narrowed, h.memory(), h.fds(), h.sysctls(), h.network(), h.cgroups(), h.systemd(), h.go(), h.service());
    }

    // ---- CPU-GOMAXPROCS-IGNORES-QUOTA ----

    @ParameterizedTest(name = "Go 1.22, quota {0} CPUs on 16: GOMAXPROCS={1}")
    @CsvSource({"2.0, 2", "2.5, 2", "2.99, 2", "0.5, 1", "0.01, 1", "15.99, 15"})
    void aGoBeforeOneTwentyFiveServiceIsToldToSetGomaxprocsToTheQuotaRoundedDownAtLeastOne(double quota, String gomaxprocs) {
        Finding f = one(IGNORES, s().cpus(16).cpuQuota(quota, null));
        assertThat(changes(f)).containsExactly(env("GOMAXPROCS", gomaxprocs));
        assertThat(f.fix().orElseThrow().text()).isEqualTo("set GOMAXPROCS=" + gomaxprocs + " in the service's environment");
        assertThat(f.message()).startsWith("CPU quota " + ValueParsers.cpus(quota) + " CPUs (/system.slice/app.service) but GOMAXPROCS defaults to 16: ")
                .endsWith("go1.22.2 sizes GOMAXPROCS from the CPU count and ignores CPU quotas");
        assertThat(f.sources()).containsExactly(LEAF_CPU_MAX, BINARY);
    }

    @Test
    void aQuotaExactlyAsLargeAsTheCpusItMayRunOnIsNoProblemAndOneHundredthLessIs() {
        assertThat(of(IGNORES, s().cpus(4).cpuQuota(4.0, null))).isEmpty();
        assertThat(of(IGNORES, s().cpus(4).cpuQuota(6.0, null))).isEmpty();
        assertThat(changes(one(IGNORES, s().cpus(4).cpuQuota(3.99, null)))).containsExactly(env("GOMAXPROCS", "3"));
    }

    @Test
    void theCpusCountedAreThoseTheServiceMayRunOnNotAllTheHostShows() {
        // 16 CPUs on the host, the process pinned to 2 of them, a quota of 2: Go already runs 2 Ps
        assertThat(of(IGNORES, affinity(s().cpus(16).cpuQuota(2.0, null), 2))).isEmpty();
        List<Finding> f = of(IGNORES, affinity(s().cpus(16).cpuQuota(2.0, null), 8));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("GOMAXPROCS defaults to 8:"));
    }

    @Test
    void withoutTheAffinityTheHostsCpuCountIsUsed() {
        assertThat(of(IGNORES, affinity(s().cpus(16).cpuQuota(2.0, null), null))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("GOMAXPROCS defaults to 16:"));
    }

    @Test
    void equalQuotasOnTheLeafAndTheSliceNameTheLeaf() {
        assertThat(one(IGNORES, s().cpus(16).cpuQuota(2.0, 2.0)).message()).startsWith("CPU quota 2 CPUs (/system.slice/app.service)");
    }

    @Test
    void aBinaryWhoseVersionCannotBeReadLeavesItToTheToolchainAndSaysSo() {
        Finding f = one(IGNORES, s().cpus(16).cpuQuota(2.0, null).binary("devel", "").goToolchain("go1.22.2"));
        assertThat(f.sources()).containsExactly(LEAF_CPU_MAX, new Source.Command("go version"));
    }

    @Test
    void everyCpuRuleIsInTheCatalogue() {
        assertThat(CpuRules.all()).extracting(Rule::id).containsExactly(IGNORES, PARENT, BELOW_TWO, ABOVE, ENV);
        assertThat(RuleCatalog.all()).containsAll(CpuRules.all());
        assertThat(UnitSecurityRules.all()).extracting(Rule::id)
                .contains("UNIT-ROOT-NO-HARDENING", "UNIT-SECURITY-EXPOSURE", "UNIT-VERIFY-MESSAGE");
        assertThat(RuleCatalog.all()).containsAll(UnitSecurityRules.all());
    }

    @Test
    void theTightestLevelSetsTheValueAndIsNamedWhereverItIs() {
        // leaf 8 CPUs, slice 1.5: the slice wins, both limited levels are shown leaf first
        Finding f = one(IGNORES, s().cpus(16).cpuQuota(8.0, 1.5));
        assertThat(changes(f)).containsExactly(env("GOMAXPROCS", "1"));
        assertThat(f.message()).startsWith("CPU quota 1.50 CPUs (/system.slice) but GOMAXPROCS defaults to 16");
        assertThat(f.sources()).containsExactly(LEAF_CPU_MAX, SLICE_CPU_MAX, BINARY);
        // the leaf tighter than the slice: the leaf is named
        assertThat(one(IGNORES, s().cpus(16).cpuQuota(3.0, 6.0)).message()).startsWith("CPU quota 3 CPUs (/system.slice/app.service)");
    }

    @Test
    void anyGomaxprocsInTheEnvironmentEvenOneGoCannotParseIsLeftToTheOtherRules() {
        assertThat(of(IGNORES, s().cpus(16).cpuQuota(2.0, null).env("GOMAXPROCS", "2"))).isEmpty();
        assertThat(of(IGNORES, s().cpus(16).cpuQuota(2.0, null).env("GOMAXPROCS", "auto"))).isEmpty();
    }

    // ---- which runtime reads the quota (GoRuntime) ----

    @ParameterizedTest(name = "binary {0}: ignores the quota = {1}")
    @CsvSource({"go1.24.9, true", "go1.24, true", "go1.25.0, false", "go1.25, false", "go1.26.1, false", "go2.0, false"})
    void theBinarysGoVersionDecidesFromOneTwentyFiveOn(String version, boolean ignores) {
        TestHosts host = s().cpus(16).cpuQuota(2.0, null).binary(version, "");
        assertThat(of(IGNORES, host)).as("IGNORES").hasSize(ignores ? 1 : 0);
    }

    @Test
    void aOneTwentyFiveBinaryBuiltFromAnOlderGoModIgnoresTheQuotaAndSaysWhy() {
        Finding f = one(IGNORES, s().cpus(16).cpuQuota(2.0, null).binary("go1.25.3", "panicnil=1,containermaxprocs=0,updatemaxprocs=0"));
        assertThat(f.message()).endsWith("the binary's DefaultGODEBUG has containermaxprocs=0 (its go.mod says go < 1.25), so go1.25.3 still ignores CPU quotas");
        assertThat(f.sources()).containsExactly(LEAF_CPU_MAX, BINARY);
        assertThat(of(IGNORES, s().cpus(16).cpuQuota(2.0, null).binary("go1.25.3", "containermaxprocs=1"))).isEmpty();
    }

    @Test
    void godebugInTheUnitTurnsTheQuotaAwareDefaultOffAndIsShownAsASource() {
        Finding f = one(IGNORES, s().cpus(16).cpuQuota(2.0, null).binary("go1.25.0", "").env("GODEBUG", "http2client=0, containermaxprocs = 0"));
        assertThat(f.message()).endsWith("GODEBUG=containermaxprocs=0 in the service's environment turns off the quota-aware default");
        assertThat(f.sources()).containsExactly(LEAF_CPU_MAX, BINARY, ENV_LINE);
        for (String godebug : List.of("containermaxprocs=1", "=0,containermaxprocs", "containermaxprocs", "xcontainermaxprocs=0")) {
            assertThat(of(IGNORES, s().cpus(16).cpuQuota(2.0, null).binary("go1.25.0", "").env("GODEBUG", godebug))).as(godebug).isEmpty();
        }
    }

    @Test
    void withoutABinaryTheGoModAndTheToolchainDecide() {
        TestHosts noBinary = s().cpus(16).cpuQuota(2.0, null).binaryUnknown();
        // toolchain 1.22: ignores whatever go.mod says; the toolchain is the source
        Finding old = one(IGNORES, noBinary.goToolchain("go1.22.2").goMod("1.25"));
        assertThat(old.sources()).containsExactly(LEAF_CPU_MAX, new Source.Command("go version"));
        // toolchain 1.25, go.mod 1.24: the pre-1.25 default
        Finding f = one(IGNORES, s().cpus(16).cpuQuota(2.0, null).binaryUnknown().goToolchain("go1.25.1").goMod("1.24"));
        assertThat(f.message()).endsWith("go.mod says go1.24 (< 1.25), so the runtime keeps the pre-1.25 default and ignores CPU quotas");
        assertThat(f.sources()).containsExactly(LEAF_CPU_MAX, new Source.Command("go version"), new Source.File("/srv/app/go.mod", 3));
        // toolchain 1.25, go.mod 1.25: reads the leaf, so a quota on the slice is what is missed
        TestHosts reads = s().cpus(16).cpuQuota(null, 2.0).binaryUnknown().goToolchain("go1.25.1").goMod("1.25");
        assertThat(of(IGNORES, reads)).isEmpty();
        assertThat(of(PARENT, reads)).hasSize(1);
        // no go.mod and no binary: cannot tell, so nothing is said
        TestHosts unknown = s().cpus(16).cpuQuota(2.0, 2.0).binaryUnknown().goToolchain("go1.25.1");
        assertThat(of(IGNORES, unknown)).isEmpty();
        assertThat(of(PARENT, s().cpus(16).cpuQuota(null, 2.0).binaryUnknown().goToolchain("go1.25.1"))).isEmpty();
        assertThat(of(BELOW_TWO, s().cpus(16).cpuQuota(1.0, null).binaryUnknown().goToolchain("go1.25.1"))).isEmpty();
        assertThat(of(IGNORES, s().cpus(16).cpuQuota(2.0, null).binaryUnknown().goToolchain("go1.25.1").goMod("not a version"))).isEmpty();
        assertThat(of(IGNORES, s().cpus(16).cpuQuota(2.0, null).binaryUnknown().noGo())).isEmpty();
    }

    @Test
    void theBinaryWinsOverTheToolchainOnTheHost() {
        // built with 1.22 elsewhere, a 1.25 toolchain here: the binary is what runs
        assertThat(of(IGNORES, s().cpus(16).cpuQuota(2.0, null).binary("go1.22.2", "").goToolchain("go1.25.1").goMod("1.25"))).hasSize(1);
        // built with 1.25 (go.mod 1.25), an old toolchain here
        assertThat(of(IGNORES, s().cpus(16).cpuQuota(2.0, null).binary("go1.25.0", "").goToolchain("go1.22.2").goMod("1.22"))).isEmpty();
    }

    // ---- CPU-QUOTA-ON-PARENT ----

    @ParameterizedTest(name = "slice quota {0} CPUs: CPUQuota={1}")
    @CsvSource({"2.0, 200%", "1.5, 150%", "0.25, 25%", "3.333, 333%"})
    void aQuotaOnlyOnTheSliceIsMovedOntoTheServiceInPercent(double quota, String pct) {
        Finding f = one(PARENT, s().cpus(16).binary("go1.25.0", "").cpuQuota(null, quota));
        assertThat(changes(f)).containsExactly(new FixChange.UnitDirectiveChange("Service", "CPUQuota", pct));
        assertThat(f.fix().orElseThrow().text()).isEqualTo("set CPUQuota=" + pct + " on the service");
        assertThat(f.message()).isEqualTo("quota " + ValueParsers.cpus(quota) + " CPUs is on /system.slice, the service's own cgroup "
                + "/system.slice/app.service has none: Go sizes GOMAXPROCS from 16 CPUs");
        assertThat(f.sources()).containsExactly(SLICE_CPU_MAX);
    }

    @Test
    void aLeafQuotaLargerThanTheSlicesIsWhatGoSizesFrom() {
        Finding f = one(PARENT, s().cpus(16).binary("go1.25.0", "").cpuQuota(4.0, 2.0));
        assertThat(f.message()).isEqualTo("quota 2 CPUs is on /system.slice, the service's own cgroup /system.slice/app.service has 4 CPUs: "
                + "Go sizes GOMAXPROCS from 4 CPUs");
        assertThat(changes(f)).containsExactly(new FixChange.UnitDirectiveChange("Service", "CPUQuota", "200%"));
        assertThat(f.sources()).containsExactly(LEAF_CPU_MAX, SLICE_CPU_MAX);
    }

    @Test
    void theParentRuleIsSilentWhereGoAlreadySeesTheQuotaOrNoQuotaBinds() {
        // leaf and slice equal: the leaf is what binds
        assertThat(of(PARENT, s().cpus(16).binary("go1.25.0", "").cpuQuota(2.0, 2.0))).isEmpty();
        // slice quota as large as the CPUs: nothing to throttle
        assertThat(of(PARENT, s().cpus(2).binary("go1.25.0", "").cpuQuota(null, 2.0))).isEmpty();
        assertThat(of(PARENT, s().cpus(2).binary("go1.25.0", "").cpuQuota(null, 1.99))).hasSize(1);
        // GOMAXPROCS chosen by hand
        assertThat(of(PARENT, s().cpus(16).binary("go1.25.0", "").cpuQuota(null, 2.0).env("GOMAXPROCS", "2"))).isEmpty();
        // Go 1.22 ignores every quota: that is the other rule's finding
        assertThat(of(PARENT, s().cpus(16).cpuQuota(null, 2.0))).isEmpty();
        assertThat(of(IGNORES, s().cpus(16).cpuQuota(null, 2.0))).hasSize(1);
    }

    // ---- CPU-QUOTA-BELOW-TWO ----

    @ParameterizedTest(name = "Go 1.25, leaf quota {0}: below two = {1}")
    @CsvSource({"2.0, false", "2.5, false", "1.99, true", "1.0, true", "0.5, true"})
    void exactlyTwoCpusIsEnoughForGoOneTwentyFivesTwoPs(double leaf, boolean fires) {
        List<Finding> f = of(BELOW_TWO, s().binary("go1.25.0", "").cpuQuota(leaf, null));
        assertThat(f).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(changes(f.get(0))).containsExactly(env("GOMAXPROCS", "1"));
            assertThat(f.get(0).fix().orElseThrow().text()).isEqualTo("set GOMAXPROCS=1");
            assertThat(f.get(0).message()).isEqualTo("quota " + ValueParsers.cpus(leaf) + " CPUs on /system.slice/app.service: Go runs 2 Ps anyway");
            assertThat(f.get(0).sources()).containsExactly(LEAF_CPU_MAX);
        }
    }

    @Test
    void belowTwoNeedsAQuotaOnTheLeafAndAQuotaAwareGo() {
        assertThat(of(BELOW_TWO, s().binary("go1.25.0", "").cpuQuota(null, 1.0))).isEmpty();
        assertThat(of(BELOW_TWO, s().binary("go1.22.2", "").cpuQuota(1.0, null))).isEmpty();
        assertThat(of(BELOW_TWO, s().binary("go1.25.0", "").cpuQuota(1.0, null).env("GOMAXPROCS", "1"))).isEmpty();
        assertThat(of(BELOW_TWO, s().binary("go1.25.0", "").cpuQuota(1.0, null).env("GOMAXPROCS", "one"))).isEmpty();
    }

    @Test
    void onOneCpuGoOneTwentyFiveRunsOnePUnderAnyQuota() {
        // runtime/cgroup_linux.go: min(CPUs in the affinity mask, max(2, ceil(quota)))
        assertThat(of(BELOW_TWO, s().cpus(1).binary("go1.25.0", "").cpuQuota(0.5, null))).isEmpty();
        assertThat(of(BELOW_TWO, affinity(s().cpus(16).binary("go1.25.0", "").cpuQuota(0.5, null), 1))).isEmpty();
        assertThat(of(BELOW_TWO, affinity(s().cpus(16).binary("go1.25.0", "").cpuQuota(0.5, null), 2))).hasSize(1);
    }

    // ---- CPU-GOMAXPROCS-ABOVE-QUOTA and CPU-GOMAXPROCS-ENV ----

    @Test
    void gomaxprocsUpToTheQuotaRoundedUpIsAChoiceOneMoreIsAboveIt() {
        // quota 2.5: 3 is the quota rounded up (an explicit choice), 4 is above it
        assertThat(of(ABOVE, s().cpus(16).cpuQuota(2.5, null).env("GOMAXPROCS", "3"))).isEmpty();
        assertThat(of(ENV, s().cpus(16).cpuQuota(2.5, null).env("GOMAXPROCS", "3"))).hasSize(1);
        Finding f = one(ABOVE, s().cpus(16).cpuQuota(2.5, null).env("GOMAXPROCS", "4"));
        assertThat(changes(f)).containsExactly(env("GOMAXPROCS", "2"));
        assertThat(f.fix().orElseThrow().text()).isEqualTo("set GOMAXPROCS=2");
        assertThat(f.message()).isEqualTo("GOMAXPROCS=4 but the CPU quota is 2.50 CPUs (/system.slice/app.service)");
        assertThat(f.sources()).containsExactly(ENV_LINE, LEAF_CPU_MAX);
        assertThat(of(ENV, s().cpus(16).cpuQuota(2.5, null).env("GOMAXPROCS", "4"))).as("said once, by ABOVE").isEmpty();
    }

    @Test
    void gomaxprocsAboveAQuotaBelowOneIsToldToUseOne() {
        Finding f = one(ABOVE, s().cpus(16).cpuQuota(null, 0.5).env("GOMAXPROCS", "2"));
        assertThat(changes(f)).containsExactly(env("GOMAXPROCS", "1"));
        assertThat(f.message()).isEqualTo("GOMAXPROCS=2 but the CPU quota is 0.50 CPUs (/system.slice)");
        assertThat(f.sources()).containsExactly(ENV_LINE, SLICE_CPU_MAX);
        assertThat(of(ABOVE, s().cpus(16).cpuQuota(null, 0.5).env("GOMAXPROCS", "1"))).isEmpty();
    }

    @Test
    void gomaxprocsWithoutAQuotaIsAChoiceTheAdminIsRemindedOf() {
        Finding f = one(ENV, s().env("GOMAXPROCS", "4"));
        assertThat(f.message()).isEqualTo("GOMAXPROCS=4 overrides the runtime's own choice");
        assertThat(f.fix().orElseThrow().changes()).isEmpty();
        assertThat(f.sources()).containsExactly(ENV_LINE);
        assertThat(one(ENV, s().env("GOMAXPROCS", "5")).message()).isEqualTo("GOMAXPROCS=5 (more than the 4 CPUs it may run on) overrides the runtime's own choice");
        assertThat(one(ENV, s().env("GOMAXPROCS", "auto")).message()).isEqualTo("GOMAXPROCS=auto overrides the runtime's own choice");
        assertThat(of(ABOVE, s().env("GOMAXPROCS", "64"))).as("no quota: nothing to be above").isEmpty();
        assertThat(of(ABOVE, s().cpus(16).cpuQuota(2.0, null).env("GOMAXPROCS", "auto"))).isEmpty();
    }
}
