package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.FileChange;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kernel reads net.ipv4.tcp_max_syn_backlog only when tcp_syncookies=0. On the
 * debian12-vm capture (somaxconn 8192, tcp_max_syn_backlog 512) with the capture's
 * syncookies value changed: `check` names a short SYN backlog only with syncookies off, and
 * the shipped profiles plan it only then, saying why they do not otherwise.
 */
class SynBacklogOnlyWithoutSyncookiesTest {

    @TempDir Path tmp;

    Path host(String syncookies, String synBacklog) throws IOException {
        Path t = tmp.resolve("h-" + syncookies + "-" + synBacklog);
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Files.writeString(t.resolve("proc/sys/net/ipv4/tcp_syncookies"), syncookies + "\n");
        Files.writeString(t.resolve("proc/sys/net/ipv4/tcp_max_syn_backlog"), synBacklog + "\n");
        return t;
    }

    static List<Finding> synFindings(Path t) {
        try (Session s = Session.open(t.toString())) {
            return Checker.run(s.inspect()).findings().stream().filter(f -> f.ruleId().equals("NET-SYN-BACKLOG-LOW")).toList();
        }
    }

    static Plan plan(Path t, String profile) {
        try (Session s = Session.open(t.toString())) {
            return s.plan(profile, Optional.empty(), List.of(), "t1");
        }
    }

    static String sysctlFile(Plan p) {
        return p.files().stream().filter(f -> f.path().startsWith("/etc/sysctl.d/")).findFirst().flatMap(FileChange::after).orElse("");
    }

    @ParameterizedTest(name = "syncookies={0}")
    @ValueSource(strings = {"1", "2"})
    void withSyncookiesOnAShortSynBacklogIsNoFindingAndNoProfileWritesIt(String cookies) throws IOException {
        Path t = host(cookies, "512");
        assertThat(synFindings(t)).as("the kernel never reads tcp_max_syn_backlog with syncookies=" + cookies).isEmpty();
        for (String profile : List.of("base", "web-api", "high-connections")) {
            Plan p = plan(t, profile);
            assertThat(sysctlFile(p)).as(profile).doesNotContain("tcp_max_syn_backlog");
            assertThat(p.live()).extracting(LiveChange::key).as(profile).doesNotContain("net.ipv4.tcp_max_syn_backlog");
            assertThat(p.manualSteps()).as(profile).anySatisfy(m -> assertThat(m)
                    .contains("not planned: sysctl net.ipv4.tcp_max_syn_backlog")
                    .contains("when: syncookies-off: net.ipv4.tcp_syncookies is " + cookies + ": the kernel reads tcp_max_syn_backlog only when it is 0"));
        }
    }

    @ParameterizedTest(name = "syn backlog {0}")
    @CsvSource({"512, true", "8191, true", "8192, false", "16384, false"})
    void withSyncookiesOffABacklogBelowSomaxconnIsNamedAndTheFixRaisesItToSomaxconn(String syn, boolean fires) throws IOException {
        Path t = host("0", syn);
        List<Finding> f = synFindings(t);
        if (!fires) {
            assertThat(f).as("at or above somaxconn 8192").isEmpty();
            return;
        }
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).isEqualTo("net.ipv4.tcp_max_syn_backlog is " + syn + ", below net.core.somaxconn 8192, and tcp_syncookies=0: SYNs beyond 3/4 of it are dropped");
            assertThat(x.fix().orElseThrow().changes()).containsExactly(new FixChange.SysctlChange("net.ipv4.tcp_max_syn_backlog", "8192"));
        });
        // the profile plans it here, from the somaxconn it plans
        assertThat(sysctlFile(plan(t, "web-api"))).contains("net.ipv4.tcp_max_syn_backlog = 8192");
        assertThat(sysctlFile(plan(t, "high-connections"))).contains("net.ipv4.tcp_max_syn_backlog = 32768");
    }
}
