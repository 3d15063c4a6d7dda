package dev.golive.inspect;

import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the next boot gives a key on a host where tuned.service sets its profile's values after systemd-sysctl. */
class TunedProbeTest {

    @TempDir Path base;

    void write(String hostPath, String text) throws IOException {
        Path p = base.resolve(hostPath.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    SysctlFacts probe() { return SysctlProbe.probe(new DirectoryHostRoot(base, false, "test", new AccessLog())); }

    static Optional<String> where(SysctlFacts s, String key) {
        return s.atBoot(key, "").map(a -> a.value() + " from " + a.source().describe());
    }

    void host(boolean enabled) throws IOException {
        write("/etc/tuned/active_profile", "mine\n");
        // the admin's copy of a profile under /etc/tuned shadows the packaged one
        write("/etc/tuned/mine/tuned.conf", "[main]\ninclude=virtual-guest\n[sysctl]\nnet.core.somaxconn = 4096\n");
        write("/usr/lib/tuned/mine/tuned.conf", "[sysctl]\nnet.core.somaxconn = 1\n");
        write("/usr/lib/tuned/virtual-guest/tuned.conf", "[sysctl]\nvm.swappiness = 30\nvm.dirty_ratio = 30\nnet.core.somaxconn = 2\n");
        write("/usr/lib/sysctl.d/50-default.conf", "vm.dirty_ratio = 20\n");
        write("/etc/sysctl.d/90-ops.conf", "vm.swappiness = 5\n");
        if (enabled) {
            Path l = base.resolve("etc/systemd/system/multi-user.target.wants/tuned.service");
            Files.createDirectories(l.getParent());
            Files.createSymbolicLink(l, Path.of("/usr/lib/systemd/system/tuned.service"));
        }
    }

    @Test
    void withReapplySysctlTheSysctlDFilesWinButUsrLibDoesNot() throws IOException {
        host(true);
        SysctlFacts s = probe();
        assertThat(where(s, "vm.swappiness")).hasValue("5 from /etc/sysctl.d/90-ops.conf:1");
        // TuneD writes again only /run/sysctl.d, /etc/sysctl.d and /etc/sysctl.conf: its value stays
        assertThat(where(s, "vm.dirty_ratio")).hasValue("30 from /usr/lib/tuned/virtual-guest/tuned.conf:3");
        assertThat(where(s, "net.core.somaxconn")).hasValue("4096 from /etc/tuned/mine/tuned.conf:4");
    }

    @Test
    void tunedWritesTheSysctlDFilesAndSysctlConfAgainEvenForKeysItsProfileDoesNotSet() throws IOException {
        host(true);
        // systemd-sysctl: 50-default.conf's 2 wins over 10-ops.conf; TuneD then writes 10-ops.conf again,
        // and /etc/sysctl.conf, which systemd-sysctl does not read here (no 99-sysctl.conf link), last
        write("/etc/sysctl.d/10-ops.conf", "kernel.pid_max = 65536\nfs.file-max = 100\n");
        write("/usr/lib/sysctl.d/50-default.conf", "vm.dirty_ratio = 20\nkernel.pid_max = 32768\n");
        write("/etc/sysctl.conf", "fs.file-max = 200\n");
        SysctlFacts s = probe();
        assertThat(where(s, "kernel.pid_max")).hasValue("65536 from /etc/sysctl.d/10-ops.conf:1");
        assertThat(where(s, "fs.file-max")).hasValue("200 from /etc/sysctl.conf:1");
        write("/etc/tuned/tuned-main.conf", "reapply_sysctl = 0\n");
        SysctlFacts off = probe();
        assertThat(where(off, "kernel.pid_max")).hasValue("32768 from /usr/lib/sysctl.d/50-default.conf:2");
        assertThat(where(off, "fs.file-max")).hasValue("100 from /etc/sysctl.d/10-ops.conf:2");
    }

    @Test
    void withReapplySysctlOffTunedsValueWins() throws IOException {
        host(true);
        write("/etc/tuned/tuned-main.conf", "daemon = 1\nreapply_sysctl = 0\n");
        SysctlFacts s = probe();
        assertThat(where(s, "vm.swappiness")).hasValue("30 from /usr/lib/tuned/virtual-guest/tuned.conf:2");
        assertThat(s.tuned().reapplySysctl()).isFalse();
    }

    @Test
    void aReapplyWordTunedReleasesReadDifferentlyLeavesTunedOut() throws IOException {
        host(true);
        write("/etc/tuned/tuned-main.conf", "reapply_sysctl = on\n");
        SysctlFacts s = probe();
        assertThat(s.tuned().runs().known()).isFalse();
        assertThat(where(s, "vm.dirty_ratio")).hasValue("20 from /usr/lib/sysctl.d/50-default.conf:1");
    }

    @Test
    void profileDirsInTunedMainConfAreSearchedFromTheLast() throws IOException {
        host(true);
        write("/etc/tuned/tuned-main.conf", "profile_dirs = /usr/lib/tuned,/opt/tuned/\n");
        write("/opt/tuned/mine/tuned.conf", "[sysctl]\nnet.core.somaxconn = 8192\n");
        assertThat(where(probe(), "net.core.somaxconn")).hasValue("8192 from /opt/tuned/mine/tuned.conf:2");
        // the newer layout, TuneD's default there: /etc/tuned/profiles before /usr/lib/tuned/profiles
        write("/etc/tuned/tuned-main.conf", "");
        write("/etc/tuned/profiles/mine/tuned.conf", "[sysctl]\nnet.core.somaxconn = 16384\n");
        assertThat(where(probe(), "net.core.somaxconn")).hasValue("16384 from /etc/tuned/profiles/mine/tuned.conf:2");
    }

    @Test
    void aProfileTunedCannotFindLeavesTunedOut() throws IOException {
        host(true);
        write("/etc/tuned/active_profile", "mine gone\n");
        SysctlFacts s = probe();
        assertThat(s.tuned().runs().known()).isFalse();
        assertThat(where(s, "vm.dirty_ratio")).hasValue("20 from /usr/lib/sysctl.d/50-default.conf:1");
    }

    @Test
    void whenTunedServiceIsNotEnabledOnlyTheFilesCount() throws IOException {
        host(false);
        SysctlFacts s = probe();
        assertThat(where(s, "vm.dirty_ratio")).hasValue("20 from /usr/lib/sysctl.d/50-default.conf:1");
        assertThat(s.atBoot("net.core.somaxconn", "")).map(SysctlAssignment::value).isEmpty();
    }
}
