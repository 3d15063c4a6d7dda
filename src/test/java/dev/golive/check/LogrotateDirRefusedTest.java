package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the admin reads when logrotate will skip one of the host's blocks: where, why, and the line that fixes it. */
class LogrotateDirRefusedTest {

    static List<Finding> found(HostFacts h) {
        return Checker.run(h).findings().stream().filter(f -> f.ruleId().equals("LOGROTATE-DIR-REFUSED")).toList();
    }

    @Test
    void aGroupWritableDirectoryNamesTheBlockTheDirectoryAndTheSuLine() {
        List<Finding> f = found(TestHosts.healthy().logrotateDir("/var/log/app", 4, "adm", 0775, null, "3.21.0").build());
        assertThat(f).hasSize(1);
        assertThat(f.get(0).title()).isEqualTo("logrotate skips /var/log/app/*.log: /var/log/app is writable by group adm");
        assertThat(f.get(0).message()).isEqualTo("/etc/logrotate.d/app:1 rotates /var/log/app/*.log with no su in force; "
                + "/var/log/app is root:adm 0775, writable by group adm: logrotate 3.21.0, run as root, skips every file of the block there "
                + "(\"parent directory has insecure permissions\"), so they grow until the disk is full");
        assertThat(f.get(0).fix().orElseThrow().text())
                .isEqualTo("add \"su root adm\" to the block at /etc/logrotate.d/app:1, or chmod g-w /var/log/app");
        assertThat(f.get(0).sources()).extracting(s -> s.describe())
                .anySatisfy(s -> assertThat(s).contains("/etc/logrotate.d/app"))
                .anySatisfy(s -> assertThat(s).contains("/var/lib/dpkg/status"));
    }

    @Test
    void aWorldWritableDirectoryOfAnotherGroupNeedsBothBitsTaken() {
        List<Finding> f = found(TestHosts.healthy().logrotateDir("/srv/drop", 1000, "deploy", 0777, null, "3.8.0").build());
        assertThat(f).hasSize(1);
        assertThat(f.get(0).title()).endsWith("/srv/drop is writable by others");
        assertThat(f.get(0).fix().orElseThrow().text()).endsWith("or chmod g-w,o-w /srv/drop");
    }

    @Test
    void theVersionBoundaryIsThreeEightZero() {
        assertThat(found(TestHosts.healthy().logrotateDir("/var/log/app", 4, "adm", 0775, null, "3.8.0").build())).hasSize(1);
        assertThat(found(TestHosts.healthy().logrotateDir("/var/log/app", 4, "adm", 0775, null, "3.7.9").build())).isEmpty();
        assertThat(found(TestHosts.healthy().logrotateDir("/var/log/app", 4, "adm", 0775, null, "3.10").build())).hasSize(1);
    }
}
