package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.golive.check.CpuRulesBoundaryTest.of;
import static dev.golive.check.CpuRulesBoundaryTest.one;
import static dev.golive.check.NetworkEdgesTest.changes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file-descriptor rules on their thresholds, with the change each fix makes: a manager
 * default hard limit of 65536 and one less, file-nr at exactly 80%, a unit's hard limit equal to
 * fs.nr_open and one above, fs.file-max equal to the service's hard limit and one below, and
 * LimitNOFILE= equal to the manager default.
 */
class FdEdgesTest {

    @ParameterizedTest(name = "DefaultLimitNOFILE={0}: fires = {1}")
    @CsvSource({"1024:65536, false", "1024:65535, true", "1024:524288, false"})
    void aManagerDefaultHardLimitBelow65536IsRaisedTo524288(String value, boolean fires) {
        List<Finding> f = of("FD-DEFAULT-HARD-LOW", TestHosts.healthy().defaultLimitNofile(value));
        assertThat(f).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(f.get(0).message()).isEqualTo("DefaultLimitNOFILE is 1024:65535 (/etc/systemd/system.conf:40)");
            assertThat(changes(f.get(0))).containsExactly(new FixChange.ManagerDefaultChange("DefaultLimitNOFILE", "1024:524288"));
        }
    }

    @ParameterizedTest(name = "{0} of 1000 handles: fires = {1}")
    @CsvSource({"800, true", "799, false", "1000, true"})
    void eightyPercentOfFileMaxInUseIsTooMuch(long used, boolean fires) {
        List<Finding> f = of("FD-FILE-NR-HIGH", TestHosts.healthy().sysctl("fs.file-max", "1000").fileNr(used));
        assertThat(f).hasSize(fires ? 1 : 0);
        if (fires) assertThat(f.get(0).message()).isEqualTo(used + " of 1000 file handles allocated");
    }

    @ParameterizedTest(name = "LimitNOFILE={0} under nr_open 1048576: fires = {1}")
    @CsvSource({"1048576, false", "1048577, true", "infinity, false"})
    void aHardLimitAboveNrOpenRaisesNrOpenToIt(String limit, boolean fires) {
        List<Finding> f = of("FD-NOFILE-ABOVE-NR-OPEN", TestHosts.withService().set("Service", "LimitNOFILE", limit));
        assertThat(f).hasSize(fires ? 1 : 0);
        if (fires) {
            assertThat(f.get(0).message()).startsWith("hard limit 1048577 (" + TestHosts.UNIT + ":").endsWith(") is above fs.nr_open 1048576");
            assertThat(changes(f.get(0))).containsExactly(new FixChange.SysctlChange("fs.nr_open", "1048577"));
        }
    }

    @Test
    void fileMaxBelowTheHardLimitIsRaisedOrItsOverrideRemoved() {
        TestHosts svc = TestHosts.withService().set("Service", "LimitNOFILE", "524288");
        assertThat(of("FD-FILE-MAX-BELOW-NOFILE", svc.sysctl("fs.file-max", "524288"))).isEmpty();
        Finding live = one("FD-FILE-MAX-BELOW-NOFILE", TestHosts.withService().set("Service", "LimitNOFILE", "524288").sysctl("fs.file-max", "524287"));
        assertThat(live.message()).startsWith("fs.file-max is 524287, below the hard limit 524288 (");
        assertThat(changes(live)).containsExactly(new FixChange.SysctlChange("fs.file-max", Long.toString(Long.MAX_VALUE)));
        Finding file = one("FD-FILE-MAX-BELOW-NOFILE", TestHosts.withService().set("Service", "LimitNOFILE", "524288")
                .sysctlApplied("/etc/sysctl.d/99-t.conf", 2, "fs.file-max", "100000"));
        assertThat(changes(file)).containsExactly(new FixChange.SysctlRemoval("fs.file-max", new Source.File("/etc/sysctl.d/99-t.conf", 2)));
        // infinity: the hard limit is nr_open (1048576)
        Finding inf = one("FD-FILE-MAX-BELOW-NOFILE", TestHosts.withService().set("Service", "LimitNOFILE", "infinity").sysctl("fs.file-max", "1048575"));
        assertThat(inf.message()).contains("below the hard limit 1048576 (");
    }

    @Test
    void aHardLimitBelowTheManagersIsRaisedToItAnEqualOneIsFine() {
        assertThat(of("FD-LIMIT-BELOW-DEFAULT", TestHosts.withService().set("Service", "LimitNOFILE", "524288"))).isEmpty();
        Finding f = one("FD-LIMIT-BELOW-DEFAULT", TestHosts.withService().set("Service", "LimitNOFILE", "524287"));
        assertThat(f.message()).startsWith("LimitNOFILE=524287:524287 (" + TestHosts.UNIT).endsWith(") is below the manager default 1024:524288 for the hard limit");
        assertThat(changes(f)).containsExactly(new FixChange.UnitDirectiveChange("Service", "LimitNOFILE", "524288"));
    }

    @Test
    void raisingOnlyTheSoftLimitUnderTheManagersHardOneDoesNothingForGo() {
        Finding f = one("FD-SOFT-ONLY-RAISE", TestHosts.withService().set("Service", "LimitNOFILE", "65536:524288"));
        assertThat(f.message()).isEqualTo("LimitNOFILE=65536:524288 raises the soft limit only; the Go runtime sets soft = hard (524288) itself");
        assertThat(of("FD-SOFT-ONLY-RAISE", TestHosts.withService().set("Service", "LimitNOFILE", "524288:524288"))).isEmpty();
        assertThat(of("FD-SOFT-ONLY-RAISE", TestHosts.withService().set("Service", "LimitNOFILE", "65536:524289"))).isEmpty();
    }

    @Test
    void nofileInLimitsConfPointsTheServiceAtLimitNofileWithTheHardValue() {
        Finding f = one("FD-LIMITS-CONF-IGNORED", TestHosts.withService().without("Service", "LimitNOFILE")
                .limitsConf("*", "soft", "65536").limitsConf("*", "hard", "131072"));
        assertThat(changes(f)).containsExactly(new FixChange.UnitDirectiveChange("Service", "LimitNOFILE", "131072"));
        assertThat(f.message()).startsWith("/etc/security/limits.conf:60: * soft nofile 65536; /etc/security/limits.conf:61: * hard nofile 131072: applies to PAM logins only.");
        // a unit that goes through PAM does read them
        assertThat(of("FD-LIMITS-CONF-IGNORED", TestHosts.withService().directive("Service", "PAMName", "login").limitsConf("*", "hard", "131072"))).isEmpty();
    }
}
