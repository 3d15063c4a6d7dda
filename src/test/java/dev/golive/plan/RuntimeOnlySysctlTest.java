package dev.golive.plan;

import dev.golive.app.Session;
import dev.golive.check.Checker;
import dev.golive.host.Fixtures;
import dev.golive.model.FileChange;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.report.InspectText;
import dev.golive.report.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin followed a guide and ran `sysctl -w net.ipv4.tcp_slow_start_after_idle=0` on the
 * Debian 12 host, writing no file. check says the value is lost at the next boot, inspect does not
 * call it the kernel default, and the web-api plan (whose target is that same 0) writes it into
 * golive's sysctl file so that the boot keeps it.
 */
class RuntimeOnlySysctlTest {

    @TempDir Path tmp;

    static final String KEY = "net.ipv4.tcp_slow_start_after_idle";

    Path host(String live) throws IOException {
        Path t = tmp.resolve("debian12-vm");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Files.writeString(t.resolve("proc/sys/net/ipv4/tcp_slow_start_after_idle"), live + "\n");
        return t;
    }

    static String inspectLine(HostFacts f) {
        return InspectText.render(f, Style.PLAIN).lines().filter(l -> l.contains(KEY)).findFirst().orElseThrow();
    }

    @Test
    void aValueSetWithSysctlWIsLostAtBootAndThePlanKeepsIt() throws IOException {
        Path t = host("0");
        try (Session s = Session.open(t.toString())) {
            HostFacts f = s.inspect();
            List<Finding> runtime = Checker.run(f).findings().stream().filter(x -> x.ruleId().equals("SYSCTL-RUNTIME-ONLY")).toList();
            assertThat(runtime).singleElement().satisfies(x -> assertThat(x.message())
                    .isEqualTo(KEY + " is 0 now, but no sysctl file sets it: the next boot gives the kernel default 1 (tcp_sk_init in net/ipv4/tcp_ipv4.c)"));
            assertThat(inspectLine(f)).doesNotContain("kernel default").endsWith("set since boot, no sysctl file sets it: the next boot gives 1");

            Plan p = s.plan("web-api", Optional.empty(), List.of(), "t1");
            FileChange ours = p.files().stream().filter(x -> x.path().equals("/etc/sysctl.d/60-golive.conf")).findFirst().orElseThrow();
            assertThat(ours.after().orElseThrow()).contains(KEY + " = 0\n");
            assertThat(p.live()).noneMatch(l -> l.key().equals(KEY)); // already live: nothing to write now
        }
    }

    @Test
    void inAContainerTheRuntimeIsNamedAndNothingIsClaimedLostAtBoot() throws IOException {
        Path t = tmp.resolve("container-quota");
        Fixtures.copyTree(Fixtures.dir("container-quota"), t);
        Files.writeString(t.resolve("proc/sys/net/ipv4/tcp_slow_start_after_idle"), "0\n");
        try (Session s = Session.open(t.toString())) {
            HostFacts f = s.inspect();
            assertThat(Checker.run(f).ruleIds()).doesNotContain("SYSCTL-RUNTIME-ONLY");
            assertThat(inspectLine(f)).endsWith("no sysctl file sets it: set by the container's runtime or since it started (kernel default 1)");
        }
    }

    @Test
    void theKernelsOwnDefaultIsNamedAsSuchAndNotWritten() throws IOException {
        Path t = host("1");
        try (Session s = Session.open(t.toString())) {
            HostFacts f = s.inspect();
            assertThat(Checker.run(f).ruleIds()).doesNotContain("SYSCTL-RUNTIME-ONLY");
            assertThat(inspectLine(f)).endsWith("kernel default (tcp_sk_init in net/ipv4/tcp_ipv4.c)");
            Plan p = s.plan("web-api", Optional.empty(), List.of(), "t1");
            // the profile wants 0: live changes now, and the file keeps it
            assertThat(p.live()).anyMatch(l -> l.key().equals(KEY) && l.after().equals("0"));
        }
    }
}
