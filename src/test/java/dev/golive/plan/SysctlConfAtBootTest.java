package dev.golive.plan;

import dev.golive.app.Session;
import dev.golive.check.Checker;
import dev.golive.host.Fixtures;
import dev.golive.model.FileChange;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin on a Debian 13 host put net.ipv4.tcp_slow_start_after_idle = 0 into /etc/sysctl.conf
 * and ran `sysctl --system`: live it is 0. Debian 13 ships no /etc/sysctl.d/99-sysctl.conf link, so
 * systemd-sysctl never reads that file at boot. check says the value is lost at the next boot, and
 * the web-api plan (whose target is that same 0) writes it into golive's sysctl.d file. On Debian 12,
 * whose link is in place, the same line is fine.
 */
class SysctlConfAtBootTest {

    @TempDir Path tmp;

    static final String KEY = "net.ipv4.tcp_slow_start_after_idle";

    Path host(boolean debianLink) throws IOException {
        Path t = tmp.resolve("debian-host");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        if (!debianLink) Files.delete(t.resolve("etc/sysctl.d/99-sysctl.conf"));
        Files.writeString(t.resolve("etc/sysctl.conf"), "# tuned by hand\n" + KEY + " = 0\n");
        Files.writeString(t.resolve("proc/sys/net/ipv4/tcp_slow_start_after_idle"), "0\n");
        return t;
    }

    static List<Finding> notAtBoot(HostFacts f) {
        return Checker.run(f).findings().stream().filter(x -> x.ruleId().equals("SYSCTL-CONF-NOT-AT-BOOT")).toList();
    }

    @Test
    void withoutTheLinkAValueInSysctlConfIsLostAtBootAndThePlanMovesIt() throws IOException {
        try (Session s = Session.open(host(false).toString())) {
            HostFacts f = s.inspect();
            assertThat(f.sysctls().sysctlConfAtBoot().opt()).contains(false);
            assertThat(notAtBoot(f)).singleElement().satisfies(x -> {
                assertThat(x.message()).isEqualTo("/etc/sysctl.conf:2 sets " + KEY + " = 0, but systemd-sysctl does not read /etc/sysctl.conf"
                        + " on this host (no link to it in a sysctl.d directory): the next boot gives the kernel default 1 (tcp_sk_init in net/ipv4/tcp_ipv4.c)");
                assertThat(x.fix().orElseThrow().changes()).containsExactly(new FixChange.SysctlChange(KEY, "0"));
            });
            // SYSCTL-RUNTIME-ONLY stays quiet: a file does set it, the finding above says which and why it does not count
            assertThat(Checker.run(f).ruleIds()).doesNotContain("SYSCTL-RUNTIME-ONLY", "SYSCTL-NOT-APPLIED");

            Plan p = s.plan("web-api", Optional.empty(), List.of(), "t1");
            FileChange ours = p.files().stream().filter(x -> x.path().equals("/etc/sysctl.d/60-golive.conf")).findFirst().orElseThrow();
            assertThat(ours.after().orElseThrow()).contains(KEY + " = 0\n");
            assertThat(p.files()).noneMatch(x -> x.path().equals("/etc/sysctl.conf")); // never rewritten
            assertThat(p.live()).noneMatch(l -> l.key().equals(KEY)); // already live
        }
    }

    @Test
    void withDebian12sLinkTheSameLineIsReadAtBootAndNothingIsWritten() throws IOException {
        try (Session s = Session.open(host(true).toString())) {
            HostFacts f = s.inspect();
            assertThat(f.sysctls().sysctlConfAtBoot().opt()).contains(true);
            assertThat(notAtBoot(f)).isEmpty();
            Plan p = s.plan("web-api", Optional.empty(), List.of(), "t1");
            assertThat(p.files().stream().filter(x -> x.path().equals("/etc/sysctl.d/60-golive.conf"))
                    .flatMap(x -> x.after().stream())).noneMatch(a -> a.contains(KEY + " = "));
        }
    }

    @Test
    void aDifferentValueThereIsNamedAsWhatSysctlSystemRestoresNotAsTheBootWinner() throws IOException {
        Path t = host(false);
        Files.writeString(t.resolve("etc/sysctl.conf"), KEY + " = 1\n");
        Files.writeString(t.resolve("proc/sys/net/ipv4/tcp_slow_start_after_idle"), "1\n");
        try (Session s = Session.open(t.toString())) {
            Plan p = s.plan("web-api", Optional.empty(), List.of(), "t1");
            assertThat(p.conflicts()).singleElement().satisfies(c -> assertThat(c.why()).isEqualTo("/etc/sysctl.conf:1 sets 1: systemd-sysctl"
                    + " does not read it at boot here, but `sysctl --system` reads it after /etc/sysctl.d/60-golive.conf and sets it back."
                    + " Remove or change that line yourself."));
        }
    }
}
