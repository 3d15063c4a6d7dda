package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.golive.check.CpuRulesBoundaryTest.changes;
import static dev.golive.check.CpuRulesBoundaryTest.of;
import static dev.golive.check.CpuRulesBoundaryTest.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who counts as root, which directive counts as hardening, where the exposure score starts to
 * count (on the threshold itself, whatever its value), what systemd-analyze verify's lines
 * become, and the deprecated directives' successors with their weights converted.
 */
class UnitSecurityEdgeTest {

    static final String ROOT = "UNIT-ROOT-NO-HARDENING";
    static final String EXPOSURE = "UNIT-SECURITY-EXPOSURE";
    static final String VERIFY = "UNIT-VERIFY-MESSAGE";
    static final String DEPRECATED = "UNIT-DEPRECATED-DIRECTIVE";

    /** The service with nothing that hardens it (no NoNewPrivileges=, no ProtectSystem=). */
    static TestHosts bare() { return TestHosts.withService().without("Service", "NoNewPrivileges").without("Service", "ProtectSystem"); }

    @ParameterizedTest(name = "User={0} is root")
    @ValueSource(strings = {"root", " root ", "0", "", "  "})
    void rootByNameByUidOrByAnEmptyUser(String user) {
        Finding f = one(ROOT, bare().set("Service", "User", user));
        assertThat(f.message()).isEqualTo("app.service runs as root (User=" + user + ") with none of NoNewPrivileges, ProtectSystem, "
                + "CapabilityBoundingSet, SystemCallFilter, PrivateDevices");
        assertThat(f.sources()).singleElement().satisfies(s -> assertThat(((Source.File) s).path()).isEqualTo(TestHosts.UNIT));
        assertThat(changes(f)).containsExactly(
                new FixChange.UnitDirectiveChange("Service", "NoNewPrivileges", "yes"),
                new FixChange.UnitDirectiveChange("Service", "ProtectSystem", "strict"),
                new FixChange.UnitDirectiveChange("Service", "ProtectHome", "yes"),
                new FixChange.UnitDirectiveChange("Service", "PrivateTmp", "yes"));
    }

    @Test
    void noUserAtAllIsRootAndTheUnitFileIsTheSource() {
        Finding f = one(ROOT, bare().without("Service", "User"));
        assertThat(f.message()).startsWith("app.service runs as root (no User=) with none of");
        assertThat(f.sources()).containsExactly(Source.File.of(TestHosts.UNIT));
    }

    @ParameterizedTest(name = "User={0} is not root")
    @ValueSource(strings = {"app", "nobody", "1000", "rooter"})
    void anyOtherUserIsNotRoot(String user) {
        assertThat(of(ROOT, bare().set("Service", "User", user))).isEmpty();
    }

    @Test
    void dynamicUserOnlyWhenYes() {
        assertThat(of(ROOT, bare().without("Service", "User").directive("Service", "DynamicUser", "true"))).isEmpty();
        assertThat(of(ROOT, bare().without("Service", "User").directive("Service", "DynamicUser", "no"))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}={1} hardens: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            NoNewPrivileges       | yes              | true
            NoNewPrivileges       | no               | false
            ProtectSystem         | full             | true
            ProtectSystem         | yes              | true
            ProtectSystem         | no               | false
            ProtectSystem         | ' no '           | false
            CapabilityBoundingSet | CAP_NET_RAW      | true
            CapabilityBoundingSet | ''               | true
            SystemCallFilter      | @system-service  | true
            PrivateDevices        | yes              | true
            PrivateDevices        | no               | false
            ProtectHome           | yes              | false
            """)
    void eachHardeningDirectiveAloneIsEnough(String key, String value, boolean hardens) {
        assertThat(of(ROOT, bare().without("Service", "User").directive("Service", key, value))).hasSize(hardens ? 0 : 1);
    }

    @Test
    void aContainerRuntimeIsNotJudged() {
        // dockerd and a unit that delegates its cgroup run as root by design: not golive's to tighten
        assertThat(of(ROOT, bare().without("Service", "User"))).hasSize(1);
        assertThat(of(ROOT, bare().without("Service", "User").set("Service", "ExecStart", "/usr/bin/dockerd -H fd://"))).isEmpty();
        assertThat(of(ROOT, bare().without("Service", "User").directive("Service", "Delegate", "yes"))).isEmpty();
    }

    // ---- exposure: on the threshold it counts, a tenth below it does not ----

    @Test
    void anExposureExactlyOnTheThresholdIsReportedATenthBelowIsNot() {
        double t = UnitSecurityRules.EXPOSED;
        Finding f = one(EXPOSURE, TestHosts.withService().exposure(t));
        assertThat(f.message()).isEqualTo(String.format(java.util.Locale.ROOT, "exposure %.1f of 10 for app.service", t));
        assertThat(f.sources()).containsExactly(new Source.Command("systemd-analyze security --offline=true " + TestHosts.UNIT));
        assertThat(f.fix().orElseThrow().changes()).isEmpty();
        assertThat(of(EXPOSURE, TestHosts.withService().exposure(t - 0.1))).isEmpty();
        assertThat(of(EXPOSURE, TestHosts.withService().exposure(10.0))).hasSize(1);
    }

    @Test
    void theOfflineScoreNeedsSystemdTwoHundredFifty() {
        assertThat(of(EXPOSURE, TestHosts.withService().exposure(9.6).systemd(250))).hasSize(1);
        assertThat(of(EXPOSURE, TestHosts.withService().exposure(9.6).systemd(249))).isEmpty();
        assertThat(of(EXPOSURE, TestHosts.withService().exposure(9.6).systemdUnknown())).isEmpty();
        assertThat(of(EXPOSURE, TestHosts.withService().exposure(9.6).set("Service", "ExecStart", "/usr/bin/containerd")
                .directive("Service", "Delegate", "yes"))).isEmpty();
    }

    // ---- systemd-analyze verify ----

    @Test
    void eachVerifyLineIsAFindingAtTheFileAndLineItNames() {
        String cmd = "systemd-analyze verify " + TestHosts.UNIT;
        List<Finding> f = of(VERIFY, TestHosts.withService().verify(
                TestHosts.UNIT + ":7: Unknown key name 'LimitNOFLE' in section 'Service', ignoring.",
                "   ",
                "  app.service: Command /usr/local/bin/app is not executable: No such file or directory  ",
                "/etc/systemd/system/app.service.d/override.conf:12:Invalid CPUQuota= value"));
        assertThat(f).extracting(Finding::message).containsExactlyInAnyOrder(
                "Unknown key name 'LimitNOFLE' in section 'Service', ignoring.",
                "app.service: Command /usr/local/bin/app is not executable: No such file or directory",
                "Invalid CPUQuota= value");
        assertThat(f).filteredOn(x -> x.message().startsWith("Unknown key")).singleElement()
                .satisfies(x -> assertThat(x.sources()).containsExactly(new Source.File(TestHosts.UNIT, 7), new Source.Command(cmd)));
        assertThat(f).filteredOn(x -> x.message().startsWith("app.service:")).singleElement()
                .satisfies(x -> assertThat(x.sources()).containsExactly(new Source.Command(cmd)));
        assertThat(f).filteredOn(x -> x.message().startsWith("Invalid")).singleElement()
                .satisfies(x -> assertThat(x.sources()).containsExactly(
                        new Source.File("/etc/systemd/system/app.service.d/override.conf", 12), new Source.Command(cmd)));
        assertThat(f).allSatisfy(x -> assertThat(x.fix().orElseThrow().text()).isEqualTo("fix the line systemd-analyze names"));
    }

    // ---- deprecated directives: the successor with its value on the new scale ----

    @ParameterizedTest(name = "{0}={1} → {2}={3}")
    @CsvSource({
            "CPUShares, 1024, CPUWeight, 100",
            "CPUShares, 2048, CPUWeight, 200",
            "CPUShares, 512, CPUWeight, 50",
            "CPUShares, 2, CPUWeight, 1",
            "CPUShares, 102400, CPUWeight, 10000",
            "CPUShares, 262144, CPUWeight, 10000",
            "StartupCPUShares, 4096, StartupCPUWeight, 400",
            "BlockIOWeight, 500, IOWeight, 100",
            "BlockIOWeight, 1000, IOWeight, 200",
            "BlockIOWeight, 10, IOWeight, 2",
            "BlockIOWeight, 1, IOWeight, 1",
            "StartupBlockIOWeight, 250, StartupIOWeight, 50",
            "MemoryLimit, 1G, MemoryMax, 1G",
            "BlockIOAccounting, yes, IOAccounting, yes"})
    void theSuccessorGetsTheValueConvertedToItsScale(String old, String value, String next, String converted) {
        Finding f = one(DEPRECATED, TestHosts.withService().directive("Service", old, value));
        Source.File line = new Source.File(TestHosts.UNIT, 10);
        assertThat(changes(f)).containsExactly(new FixChange.UnitDirectiveRemoval("Service", old, line),
                new FixChange.UnitDirectiveChange("Service", next, converted));
        assertThat(f.fix().orElseThrow().text()).isEqualTo("replace with " + next + "=" + converted);
        assertThat(f.message()).isEqualTo(old + "=" + value + " is deprecated; use " + next + "=" + converted);
        assertThat(f.sources()).containsExactly(line);
    }

    @Test
    void aValueThatIsNoNumberIsCarriedOverAsItIs() {
        assertThat(changes(one(DEPRECATED, TestHosts.withService().directive("Service", "CPUShares", "lots"))))
                .contains(new FixChange.UnitDirectiveChange("Service", "CPUWeight", "lots"));
    }

    @Test
    void fromSystemdTwoFiftyEightTheOldNameIsIgnoredAndTheMessageSaysSo() {
        assertThat(one(DEPRECATED, TestHosts.withService().systemd(258).directive("Service", "CPUShares", "2048")).message())
                .isEqualTo("CPUShares=2048 is ignored by this systemd; use CPUWeight=200");
        assertThat(one(DEPRECATED, TestHosts.withService().systemd(257).directive("Service", "CPUShares", "2048")).message())
                .isEqualTo("CPUShares=2048 is deprecated; use CPUWeight=200");
    }

    @Test
    void theSuccessorIsOfferedFromTheSystemdThatKnowsIt() {
        // CPUWeight= came with systemd 232: on 231 CPUShares= is all there is
        assertThat(of(DEPRECATED, TestHosts.withService().systemd(231).directive("Service", "CPUShares", "2048"))).isEmpty();
        assertThat(changes(one(DEPRECATED, TestHosts.withService().systemd(232).directive("Service", "CPUShares", "2048")))).hasSize(2);
        Finding unknown = one(DEPRECATED, TestHosts.withService().systemdUnknown().directive("Service", "CPUShares", "2048"));
        assertThat(changes(unknown)).isEmpty();
        assertThat(unknown.fix().orElseThrow().text()).startsWith("replace it once the host's systemd is known to be 232 or newer");
    }
}
