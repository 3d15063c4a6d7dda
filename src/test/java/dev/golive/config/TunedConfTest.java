package dev.golive.config;

import dev.golive.model.SysctlAssignment;
import dev.golive.model.TunedSysctls;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TunedConfTest {

    static final String VIRTUAL_GUEST = "/usr/lib/tuned/virtual-guest/tuned.conf";

    @Test
    void rockysVirtualGuestProfileIncludesThroughputPerformanceAndSetsSwappinessOnItsLine() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/hosts/rocky8-v1" + VIRTUAL_GUEST));
        TunedConf c = TunedConf.parse(VIRTUAL_GUEST, text);
        assertThat(c.includes()).containsExactly("throughput-performance");
        assertThat(c.sysctls()).extracting(SysctlAssignment::key, SysctlAssignment::value, a -> a.source().describe())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("vm.dirty_ratio", "30", VIRTUAL_GUEST + ":17"),
                        org.assertj.core.groups.Tuple.tuple("vm.swappiness", "30", VIRTUAL_GUEST + ":22"));
    }

    @Test
    void onlyTheSysctlSectionCountsAndIncludeIsACommaList() {
        TunedConf c = TunedConf.parse("/etc/tuned/mine/tuned.conf", """
                [main]
                summary=mine
                include = a, b
                [disk]
                readahead=>4096
                ; a comment
                [sysctl]
                # vm.swappiness = 1
                kernel.pid_max=65536
                net.core.somaxconn = ${f:virt_check:1024:4096}
                """);
        assertThat(c.includes()).containsExactly("a", "b");
        assertThat(c.sysctls()).extracting(SysctlAssignment::key).containsExactly("kernel.pid_max", "net.core.somaxconn");
        assertThat(c.sysctls().get(0).source().describe()).isEqualTo("/etc/tuned/mine/tuned.conf:9");
        assertThat(TunedSysctls.computed(c.sysctls().get(1).value())).isTrue();
        assertThat(TunedSysctls.computed(c.sysctls().get(0).value())).isFalse();
        assertThat(TunedSysctls.computed(">4096")).isTrue();
    }
}
