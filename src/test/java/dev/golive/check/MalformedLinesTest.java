package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's typos in /etc/sysctl.d and /etc/security/limits.d on the Debian 12 host: `check`
 * reports each skipped line once, with its file:line, and nothing for the lines that are fine.
 */
class MalformedLinesTest {

    @TempDir Path tmp;

    @Test
    void eachLineTheReadersSkipIsOneFindingWithFileAndLine() throws IOException {
        Path t = tmp.resolve("debian12-vm");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Files.writeString(t.resolve("etc/sysctl.d/70-tuning.conf"), """
                # from the wiki
                net.core.netdev_max_backlog = 4096
                net.ipv4.tcp_fin_timeout 15
                ; comment
                -net.ipv4.tcp_tw_reuse = 1
                vm.swappiness: 5
                """);
        Files.createDirectories(t.resolve("etc/security/limits.d"));
        Files.writeString(t.resolve("etc/security/limits.d/90-api.conf"), """
                api  soft  nofile  65536
                api  hard  nofiles 65536
                api  hard  65536
                """);
        List<Finding> found;
        try (Session s = Session.open(t.toString())) {
            found = Checker.run(s.inspect()).findings();
        }
        List<Finding> sysctl = found.stream().filter(f -> f.ruleId().equals("SYSCTL-MALFORMED-LINE")).toList();
        assertThat(sysctl).extracting(f -> f.sources().get(0).describe())
                .containsExactly("/etc/sysctl.d/70-tuning.conf:3", "/etc/sysctl.d/70-tuning.conf:6");
        assertThat(sysctl.get(0).message()).isEqualTo("/etc/sysctl.d/70-tuning.conf:3:1: not an assignment (expected key = value), ignored; "
                + "systemd-sysctl skips it at every boot");
        List<Finding> limits = found.stream().filter(f -> f.ruleId().equals("FD-LIMITS-MALFORMED-LINE")).toList();
        assertThat(limits).extracting(f -> ((Source.File) f.sources().get(0)).line()).containsExactly(2, 3);
        assertThat(limits.get(0).message()).startsWith("/etc/security/limits.d/90-api.conf:2:").contains("unknown item \"nofiles\"");
        assertThat(limits.get(1).message()).contains("expected 4 fields");
    }
}
