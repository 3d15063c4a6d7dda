package dev.golive.app;

import dev.golive.check.Checker;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
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
 * Profiles set net.ipv4.tcp_max_syn_backlog only "when: syncookies-off": the kernel reads it only
 * with tcp_syncookies=0. The condition is judged on the value the host has after the plan
 * (a picked fix, the profile, the next boot), not on the live value the plan is about to change.
 */
class SyncookiesConditionTest {

    @TempDir Path tmp;

    private static final String BACKLOG = "net.ipv4.tcp_max_syn_backlog";
    private static final String DROPIN = "/etc/sysctl.d/60-golive.conf";

    private static Optional<String> file(Plan plan, String path) {
        return plan.files().stream().filter(f -> f.path().equals(path)).findFirst().flatMap(FileChange::after);
    }

    @Test
    void pickingTheSyncookiesFixDropsTheSynBacklogFromThePlan() {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts/ubuntu2004-hybrid");
        try (Session s = Session.open(dir.toString())) {
            // the fixture runs with syncookies off (a blog post's 99-web-tuning.conf): the profile's backlog applies
            Plan without = s.plan("base", Optional.empty(), List.of(), "p1");
            assertThat(file(without, DROPIN)).get().asString().contains(BACKLOG + " = ");

            // the admin picks "fix all": NET-SYNCOOKIES-NOT-DEFAULT sets tcp_syncookies = 1
            List<FixChange> all = Checker.run(s.inspect()).findings().stream().flatMap(f -> f.fix().stream())
                    .flatMap(p -> p.changes().stream()).toList();
            assertThat(all).contains(new FixChange.SysctlChange("net.ipv4.tcp_syncookies", "1"));
            Plan fixed = s.plan("base", Optional.empty(), all, "p2");
            assertThat(file(fixed, DROPIN)).get().asString().contains("net.ipv4.tcp_syncookies = 1").doesNotContain(BACKLOG);
            assertThat(fixed.live()).noneMatch(l -> l.key().equals(BACKLOG));
            // the profile's value and the picked backlog fix both wait for syncookies off
            assertThat(fixed.manualSteps()).anyMatch(m -> m.startsWith("not planned: sysctl " + BACKLOG)
                    && m.contains("net.ipv4.tcp_syncookies is 1"));
            assertThat(fixed.manualSteps()).anyMatch(m -> m.startsWith("not planned: " + BACKLOG + ": this plan sets net.ipv4.tcp_syncookies = 1"));
        }
    }

    @Test
    void onAnImageTreeTheFileThatTurnsSyncookiesOffCountsAndTheKernelDefaultCountsWhereNoneDoes() throws IOException {
        Path t = tmp.resolve("tree");
        Files.createDirectories(t.resolve("etc"));
        Files.writeString(t.resolve("etc/os-release"), "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        for (String d : List.of("proc", "sys", "etc/systemd/system", "usr/lib/systemd/system", "etc/sysctl.d")) Files.createDirectories(t.resolve(d));

        Plan plain;
        try (Session s = Session.open(t.toString()).profileDirs(List.of())) {
            plain = s.plan("base", Optional.empty(), List.of(), "p1");
        }
        assertThat(file(plain, DROPIN)).get().asString().doesNotContain(BACKLOG);
        assertThat(plain.manualSteps()).anyMatch(m -> m.startsWith("not planned: sysctl " + BACKLOG) && m.contains("net.ipv4.tcp_syncookies is 1"));

        Files.writeString(t.resolve("etc/sysctl.d/90-site.conf"), "net.ipv4.tcp_syncookies = 0\n" + BACKLOG + " = 512\n");
        Plan off;
        try (Session s = Session.open(t.toString()).profileDirs(List.of())) {
            off = s.plan("base", Optional.empty(), List.of(), "p2");
        }
        assertThat(file(off, DROPIN)).get().asString().contains(BACKLOG + " = 4096");
    }
}
