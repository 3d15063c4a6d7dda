package dev.golive.report;

import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which facts a comparison of hosts looks at: volatile ones out by default, --ignore patterns out. */
class FactFilterTest {

    @Test
    void volatileFactsAreOutByDefaultAndInWhenAsked() {
        for (String p : List.of("os.hostname", "memory.availableBytes", "memory.swapUsedBytes", "fds.fileNrAllocated", "fds.processNofile", "cgroups.selfCgroup",
                "service.tasks.current", "service.tasks.peak", "service.process.mainPid", "cpu.cpuLimits[/user.slice/user-1000.slice]")) {
            assertThat(FactFilter.DEFAULT.keeps(p, "x")).as(p).isFalse();
            assertThat(new FactFilter(true, List.of()).keeps(p, "x")).as(p).isTrue();
        }
        assertThat(FactFilter.DEFAULT.keeps("memory.totalBytes", "8326254592")).isTrue();
        assertThat(FactFilter.DEFAULT.keeps("service.tasks.max", "629145")).isTrue();
    }

    @Test
    void aCgroupPathIsVolatileOnlyWhenItIsTheCapturingSession() {
        assertThat(FactFilter.DEFAULT.keeps("cpu.cgroupPath", "/user.slice/user-1000.slice/session-3.scope")).isFalse();
        assertThat(FactFilter.DEFAULT.keeps("cpu.cgroupPath", "/system.slice/api.service")).isTrue();
        assertThat(FactFilter.DEFAULT.keeps("service.cgroupPath", "/system.slice/api.service")).isTrue();
    }

    @Test
    void anIgnorePatternCoversThePathAndWhatIsBelowItOnly() {
        FactFilter f = new FactFilter(false, List.of("sysctls.byKey[net.core.somaxconn]", "go.env[*]"));
        assertThat(f.keeps("sysctls.byKey[net.core.somaxconn]", "present")).isFalse();
        assertThat(f.keeps("sysctls.byKey[net.core.somaxconn].live", "8192")).isFalse();
        assertThat(f.keeps("sysctls.byKey[net.core.somaxconn_x].live", "1")).isTrue();
        assertThat(f.keeps("go.env[GOPROXY]", "direct")).isFalse();
        assertThat(f.keeps("go.version", "go1.22.1")).isTrue();
    }

    @Test
    void anEmptyPatternIsBadInput() {
        assertThatThrownBy(() -> new FactFilter(false, List.of(" "))).isInstanceOf(GoliveException.class).hasMessageStartingWith("--ignore: empty pattern");
    }
}
