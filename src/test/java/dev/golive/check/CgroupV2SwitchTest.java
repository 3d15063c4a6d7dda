package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.CgroupMode;
import dev.golive.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** CG-V1-OR-HYBRID offers systemd.unified_cgroup_hierarchy=1 only where kernel (≥ 4.5) and systemd (≥ 230) can do it. */
class CgroupV2SwitchTest {

    static String fixText(String host) {
        try (Session s = Session.open(Fixtures.dir(host).toString())) {
            Finding f = Checker.run(s.inspect()).findings().stream().filter(x -> x.ruleId().equals("CG-V1-OR-HYBRID")).findFirst().orElseThrow();
            return f.fix().orElseThrow().text();
        }
    }

    @Test
    void centos7CannotSwitchAndUbuntu2004Can() {
        assertThat(fixText("centos7-v1")).doesNotContain("boot with")
                .isEqualTo("this host cannot switch: Linux 3.10.0 has no cgroup2 (needs 4.5), systemd 219 cannot run on it (needs 230); "
                        + "cgroup v2 comes with a distribution upgrade");
        assertThat(fixText("ubuntu2004-hybrid")).isEqualTo("boot with systemd.unified_cgroup_hierarchy=1");
    }

    @ParameterizedTest(name = "Linux {0}, systemd {1}: offered={2}")
    @CsvSource({"4.4.0-210-generic, 252, false", "4.5.0-1-amd64, 252, true", "5.4.0-173-generic, 229, false", "5.4.0-173-generic, 230, true"})
    void theSwitchIsOfferedFromKernel45AndSystemd230(String kernel, int systemd, boolean offered) {
        Finding f = Checker.run(TestHosts.healthy().cgroups(CgroupMode.HYBRID).kernel(kernel).systemd(systemd).build()).findings().stream()
                .filter(x -> x.ruleId().equals("CG-V1-OR-HYBRID")).findFirst().orElseThrow();
        assertThat(f.fix().orElseThrow().text().startsWith("boot with systemd.unified_cgroup_hierarchy=1")).isEqualTo(offered);
    }
}
