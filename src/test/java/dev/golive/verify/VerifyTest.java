package dev.golive.verify;

import dev.golive.app.Session;
import dev.golive.model.FixChange;
import dev.golive.model.Verification;
import dev.golive.model.Verification.Item;
import dev.golive.model.Verification.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * golive verify on captures of a host after an apply, in the states an admin meets: the
 * service not restarted, restarted, missing an environment variable, listening with Go's
 * fallback backlog, a value changed behind golive's back, a manager default not re-executed.
 */
class VerifyTest {

    @TempDir Path work;

    static final List<FixChange> GOMAXPROCS = List.of(new FixChange.ServiceEnvironmentChange("GOMAXPROCS", "2"));

    static Verification verify(VerifyHost h) {
        try (Session s = Session.open(h.dir.toString())) {
            return s.verify(Optional.empty(), Optional.empty());
        }
    }

    static Item item(Verification v, String subject) {
        return v.items().stream().filter(i -> i.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + subject + " in " + v.items()));
    }

    @Test
    void aProcessStartedBeforeTheApplyNeedsARestartNamingThePidAndWhenItStarted() {
        VerifyHost h = VerifyHost.applied(work, "web-api", GOMAXPROCS);
        Verification v = verify(h);
        assertThat(v.inEffect()).isFalse();
        Item nofile = item(v, "LimitNOFILE");
        assertThat(nofile.status()).isEqualTo(Status.NEEDS_RESTART);
        assertThat(nofile.expected()).isEqualTo("1024:1048576");
        assertThat(nofile.now()).isEqualTo("1024:524288");
        assertThat(nofile.detail()).contains("PID 4242 started " + java.time.Instant.ofEpochSecond(h.applied.getEpochSecond() - 3600))
                .contains("before the apply").contains("systemctl restart api.service");
        assertThat(item(v, "Environment GOMAXPROCS").status()).isEqualTo(Status.NEEDS_RESTART);
        assertThat(item(v, "listen backlog 127.0.0.1:8080").status()).isEqualTo(Status.NEEDS_RESTART);
        // what the kernel and the files already have is in effect: the files, the live values, the next boot
        assertThat(item(v, "net.core.somaxconn").status()).isEqualTo(Status.IN_EFFECT);
        assertThat(item(v, "/etc/sysctl.d/60-golive.conf").status()).isEqualTo(Status.IN_EFFECT);
        assertThat(v.nextBoot()).isNotEmpty().allMatch(Verification.BootValue::asPlanned);
    }

    @Test
    void afterARestartEverythingIsInEffectAndTheNextBootKeepsIt() {
        VerifyHost h = VerifyHost.applied(work, "web-api", GOMAXPROCS);
        // the restarted process: Go raised its soft limit to the hard one, the listener read somaxconn
        h.process(h.applied.plusSeconds(60), "1048576:1048576", "GOMAXPROCS=2", 8192, false);
        Verification v = verify(h);
        assertThat(v.pending()).isEmpty();
        assertThat(v.inEffect()).isTrue();
        assertThat(item(v, "LimitNOFILE").now()).isEqualTo("1048576:1048576");
        assertThat(v.nextBoot()).extracting(Verification.BootValue::reader).contains("systemd-sysctl", "systemd-tmpfiles");
        assertThat(v.process().orElseThrow().anonHugePagesKb().orElse(0L)).isEqualTo(2048L);
        assertThat(v.process().orElseThrow().cgroup()).extracting(c -> c.file())
                .contains("/sys/fs/cgroup/system.slice/api.service/cpu.max", "/sys/fs/cgroup/system.slice/api.service/memory.max");
    }

    @Test
    void aRestartedProcessWithoutGomaxprocsInItsEnvironmentDidNotGetIt() {
        VerifyHost h = VerifyHost.applied(work, "web-api", GOMAXPROCS);
        h.process(h.applied.plusSeconds(60), "1048576:1048576", "GODEBUG=madvdontneed=1", 8192, false);
        Item env = item(verify(h), "Environment GOMAXPROCS");
        assertThat(env.status()).isEqualTo(Status.NOT_REACHED);
        assertThat(env.now()).isEqualTo("not set");
        assertThat(env.detail()).contains("after the apply");
    }

    @Test
    void aListenerWithBacklog128UnderSomaxconn4096IsGosFallbackAfterTheApplyAndARestartBefore() {
        VerifyHost h = VerifyHost.applied(work, "none", List.of(new FixChange.SysctlChange("net.core.somaxconn", "4096")));
        Item before = item(verify(h), "listen backlog 127.0.0.1:8080");
        assertThat(before.status()).isEqualTo(Status.NEEDS_RESTART);
        assertThat(before.expected()).isEqualTo("4096");
        assertThat(before.now()).isEqualTo("128");

        h.process(h.applied.plusSeconds(60), "1024:524288", "", 128, false);
        Item after = item(verify(h), "listen backlog 127.0.0.1:8080");
        assertThat(after.status()).isEqualTo(Status.NOT_REACHED);
        assertThat(after.detail()).contains("ProcSubset=pid").contains("128");
    }

    @Test
    void aValueChangedSinceTheApplyHasDriftedAndALaterFileTakesItBackAtTheNextBoot() {
        VerifyHost h = VerifyHost.applied(work, "web-api", GOMAXPROCS);
        h.process(h.applied.plusSeconds(60), "1048576:1048576", "GOMAXPROCS=2", 8192, false);
        h.write("proc/sys/net/ipv4/tcp_slow_start_after_idle", "1\n");
        h.write("etc/sysctl.d/99-local.conf", "net.core.somaxconn = 1024\n");
        Verification v = verify(h);
        Item drifted = item(v, "net.ipv4.tcp_slow_start_after_idle");
        assertThat(drifted.status()).isEqualTo(Status.DRIFTED);
        assertThat(drifted.expected()).isEqualTo("0");
        assertThat(drifted.now()).isEqualTo("1");
        Verification.BootValue boot = v.nextBoot().stream().filter(b -> b.key().equals("net.core.somaxconn")).findFirst().orElseThrow();
        assertThat(boot.asPlanned()).isFalse();
        assertThat(boot.value()).contains("1024");
        assertThat(boot.source()).contains("/etc/sysctl.d/99-local.conf:1");
        assertThat(v.inEffect()).isFalse();
    }

    @Test
    void tunedsProfileTakesAKeyBackAtTheNextBootOnlyWithReapplySysctlOff() throws java.io.IOException {
        VerifyHost h = VerifyHost.applied(work, "web-api", GOMAXPROCS);
        h.write("etc/tuned/active_profile", "mine\n");
        h.write("etc/tuned/mine/tuned.conf", "[sysctl]\nnet.core.somaxconn = 2048\n");
        java.nio.file.Path wants = h.dir.resolve("etc/systemd/system/multi-user.target.wants/tuned.service");
        java.nio.file.Files.createDirectories(wants.getParent());
        java.nio.file.Files.createSymbolicLink(wants, java.nio.file.Path.of("/usr/lib/systemd/system/tuned.service"));
        h.write("etc/tuned/tuned-main.conf", "reapply_sysctl = 1\n");
        Verification.BootValue kept = verify(h).nextBoot().stream().filter(b -> b.key().equals("net.core.somaxconn")).findFirst().orElseThrow();
        assertThat(kept.asPlanned()).isTrue();
        assertThat(kept.source().orElseThrow()).startsWith("/etc/sysctl.d/60-golive.conf:");
        h.write("etc/tuned/tuned-main.conf", "reapply_sysctl = 0\n");
        Verification.BootValue lost = verify(h).nextBoot().stream().filter(b -> b.key().equals("net.core.somaxconn")).findFirst().orElseThrow();
        assertThat(lost.asPlanned()).isFalse();
        assertThat(lost.value()).contains("2048");
        assertThat(lost.source()).contains("/etc/tuned/mine/tuned.conf:2");
    }

    @Test
    void aSystemConfDChangeNeedsADaemonReexecAndThenTheServiceGetsTheNewDefault() {
        VerifyHost h = VerifyHost.applied(work, "none", List.of(new FixChange.ManagerDefaultChange("DefaultLimitNOFILE", "4096:65536")));
        h.manager("1024:524288");
        Verification v = verify(h);
        Item manager = item(v, "DefaultLimitNOFILE");
        assertThat(manager.status()).isEqualTo(Status.NEEDS_DAEMON_REEXEC);
        assertThat(manager.detail()).contains("systemctl daemon-reexec");

        h.manager("4096:65536");
        assertThat(item(verify(h), "DefaultLimitNOFILE").status()).isEqualTo(Status.IN_EFFECT);
    }

    @Test
    void aKeyInGolivesSysctlFileThatWasNotWrittenLiveAppliesAtTheNextBoot() {
        VerifyHost h = VerifyHost.applied(work, "web-api", GOMAXPROCS);
        h.process(h.applied.plusSeconds(60), "1048576:1048576", "GOMAXPROCS=2", 8192, false);
        // golive's file gains a key (an apply golive could not write live, e.g. a read-only /proc/sys)
        String file = "etc/sysctl.d/60-golive.conf";
        String before = h.plan.files().stream().filter(f -> f.path().equals("/" + file)).findFirst().orElseThrow().after().orElseThrow();
        dev.golive.model.Plan plan = withSysctlLine(h.plan, "net.ipv4.tcp_fin_timeout = 30");
        h.write(file, before + "net.ipv4.tcp_fin_timeout = 30\n");
        h.write("proc/sys/net/ipv4/tcp_fin_timeout", "60\n");
        Verification v;
        try (Session s = Session.open(h.dir.toString())) {
            v = s.verify(Optional.empty(), Optional.of(plan));
        }
        Item fin = item(v, "net.ipv4.tcp_fin_timeout");
        assertThat(fin.status()).isEqualTo(Status.AT_NEXT_BOOT);
        assertThat(fin.now()).isEqualTo("60");
        // the line the test appended: the last of golive's file
        assertThat(fin.detail()).contains("/etc/sysctl.d/60-golive.conf:" + (before.lines().count() + 1));
    }

    static dev.golive.model.Plan withSysctlLine(dev.golive.model.Plan p, String line) {
        List<dev.golive.model.FileChange> files = p.files().stream().map(f -> !f.path().equals("/etc/sysctl.d/60-golive.conf") ? f
                : new dev.golive.model.FileChange(f.path(), f.before(), f.after().map(a -> a + line + "\n"), f.mode(), f.owner(), f.group(), f.why())).toList();
        return new dev.golive.model.Plan(p.id(), p.profile(), p.service(), files, p.live(), p.actions(), p.conflicts(), p.manualSteps());
    }

    @Test
    void unitFilesChangedAfterSystemdLoadedThemNeedADaemonReloadBeforeARestartHelps() {
        VerifyHost h = VerifyHost.applied(work, "web-api", GOMAXPROCS);
        // restarted, but systemd still runs the unit as it was loaded before golive's drop-in
        h.process(h.applied.plusSeconds(60), "1024:524288", "", 8192, true);
        Item nofile = item(verify(h), "LimitNOFILE");
        assertThat(nofile.status()).isEqualTo(Status.NEEDS_DAEMON_RELOAD);
        assertThat(nofile.detail()).contains("systemctl daemon-reload, then restart api.service");
    }

    @Test
    void aStoppedServiceNeedsStartingAndAnUnreadableOneIsUnknownNotStopped() {
        VerifyHost h = VerifyHost.applied(work, "web-api", GOMAXPROCS);
        h.stopped();
        Item stopped = item(verify(h), "LimitNOFILE");
        assertThat(stopped.status()).isEqualTo(Status.NEEDS_RESTART);
        assertThat(stopped.now()).isEqualTo("not running");
        assertThat(stopped.detail()).contains("systemctl start api.service");
        // a service the capture holds no systemctl answer for: nothing says whether it runs
        try (Session s = Session.open(h.dir.toString())) {
            Verification v = s.verify(Optional.of("other"), Optional.empty());
            assertThat(v.process().orElseThrow().mainPid().known()).isFalse();
            assertThat(v.items()).noneMatch(i -> i.kind() == Verification.Kind.PROCESS && i.status() != Status.UNKNOWN);
        }
    }
}
