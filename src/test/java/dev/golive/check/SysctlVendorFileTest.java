package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Plan;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dead key in a vendor sysctl file (debian12-vm capture plus a file): golive never offers
 * to edit the vendor file; it offers the same-named masking file in /etc/sysctl.d. In an
 * admin's file in /etc the fix stays "remove the line".
 */
class SysctlVendorFileTest {

    @TempDir Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/usr/lib/sysctl.d/50-tuning.conf, true", "/usr/local/lib/sysctl.d/50-tuning.conf, true", "/etc/sysctl.d/50-tuning.conf, false"})
    void aDeadKeyInAVendorFileIsMaskedNotEdited(String file, boolean vendor) throws IOException {
        Path t = tmp.resolve("host");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Path f = t.resolve(file.substring(1));
        Files.createDirectories(f.getParent());
        // tcp_low_latency was removed in Linux 4.14: debian12-vm's 6.1 has no such key
        Files.writeString(f, "# shipped by a package\nnet.core.somaxconn = 8192\nnet.ipv4.tcp_low_latency = 1\n");
        // the capture records what it found absent
        Path manifest = t.resolve("golive-capture.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"absent\"\\s*:\\s*\\[", "\"absent\": [\"/proc/sys/net/ipv4/tcp_low_latency\", "));
        Finding dead;
        Plan p;
        try (Session s = Session.open(t.toString())) {
            dead = Checker.run(s.inspect()).findings().stream()
                    .filter(x -> x.ruleId().equals("SYSCTL-DEAD-KEY") && x.message().contains("tcp_low_latency")).findFirst().orElseThrow();
            p = s.plan(Session.NO_PROFILE, Optional.empty(), dead.fix().orElseThrow().changes(), "t1");
        }
        if (vendor) {
            assertThat(dead.fix().orElseThrow().changes()).as("never an edit of the vendor file").isEmpty();
            assertThat(dead.fix().orElseThrow().text()).isEqualTo("do not edit " + file + " (a package update puts it back): copy it to "
                    + "/etc/sysctl.d/50-tuning.conf without line 3; a file of the same name in /etc/sysctl.d masks the vendor file");
            assertThat(p.manualSteps()).noneMatch(m -> m.contains("remove or comment out"));
        } else {
            assertThat(dead.fix().orElseThrow().changes()).singleElement().isInstanceOf(FixChange.SysctlRemoval.class);
            assertThat(p.manualSteps()).anyMatch(m -> m.startsWith("remove or comment out net.ipv4.tcp_low_latency in /etc/sysctl.d/50-tuning.conf:3"));
        }
        assertThat(p.files()).isEmpty();
    }
}
