package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Fact;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import dev.golive.model.LogRotation;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit that sends its output to a file (coredns's unit appends to /var/log/coredns.log):
 * `check --service` names it when no logrotate block rotates the file, and cannot tell on a
 * capture without logrotate's configuration.
 */
class LogFileRotationTest {

    @TempDir Path tmp;

    static final String COREDNS = """
            [Unit]
            Description=CoreDNS DNS server
            After=network.target
            [Service]
            User=coredns
            ExecStart=/usr/bin/coredns -conf /etc/coredns/Corefile
            StandardOutput=append:/var/log/coredns.log
            StandardError=append:/var/log/coredns.log
            Restart=on-failure
            [Install]
            WantedBy=multi-user.target
            """;

    Path host(String name, String unit) throws IOException {
        Path t = tmp.resolve(name);
        Fixtures.copyTree(Fixtures.dir(name), t);
        Path u = t.resolve("etc/systemd/system/coredns.service");
        Files.createDirectories(u.getParent());
        Files.writeString(u, unit);
        return t;
    }

    static HostFacts inspect(Path t) {
        try (Session s = Session.open(t.toString())) {
            return s.inspectService("coredns", null);
        }
    }

    static List<Finding> unrotated(HostFacts h) {
        return Checker.run(h).findings().stream().filter(f -> f.ruleId().equals("UNIT-LOG-FILE-UNROTATED")).toList();
    }

    @Test
    void onDebian12CorednsAppendingToAFileNoBlockRotatesIsNamedAtItsUnitLine() throws IOException {
        List<Finding> found = unrotated(inspect(host("debian12-vm", COREDNS)));
        assertThat(found).hasSize(1); // stdout and stderr share the file: one finding
        Finding f = found.get(0);
        assertThat(f.sources()).containsExactly(new Source.File("/etc/systemd/system/coredns.service", 7));
        assertThat(f.message()).contains("/var/log/coredns.log")
                .contains("/etc/logrotate.conf, /etc/logrotate.d/apt, /etc/logrotate.d/dpkg, /etc/logrotate.d/rsyslog");
        assertThat(f.fix()).hasValueSatisfying(x -> assertThat(x.text()).contains("/etc/logrotate.d/coredns"));
    }

    @Test
    void aLogrotateBlockWhoseGlobTakesTheFileSilencesIt() throws IOException {
        Path t = host("debian12-vm", COREDNS);
        Files.writeString(t.resolve("etc/logrotate.d/coredns"), """
                /var/log/coredns*.log {
                    daily
                    rotate 7
                    copytruncate
                    postrotate
                        test -x /bin/true && { /bin/true; }
                    endscript
                }
                """);
        HostFacts h = inspect(t);
        assertThat(unrotated(h)).isEmpty();
        LogRotation rot = h.service().get().logRotation().opt().get();
        assertThat(rot.covering("/var/log/coredns.log").get().source()).isEqualTo(new Source.File("/etc/logrotate.d/coredns", 1));
    }

    @Test
    void aBlockLeftInAFileLogrotateSkipsDoesNotCount() throws IOException {
        Path t = host("debian12-vm", COREDNS);
        Files.writeString(t.resolve("etc/logrotate.d/coredns.dpkg-old"), "/var/log/coredns.log {\n  copytruncate\n}\n");
        assertThat(unrotated(inspect(t))).hasSize(1);
    }

    @Test
    void theJournalNeedsNoRotation() throws IOException {
        String toJournal = COREDNS.replace("append:/var/log/coredns.log", "journal");
        assertThat(unrotated(inspect(host("debian12-vm", toJournal)))).isEmpty();
    }

    @Test
    void aCaptureWithoutLogrotatesConfigurationCannotTell() throws IOException {
        HostFacts h = inspect(host("centos7-v1", COREDNS));
        assertThat(unrotated(h)).isEmpty();
        Fact<LogRotation> rot = h.service().get().logRotation();
        assertThat(rot.known()).isFalse();
        assertThat(((Fact.Unknown<LogRotation>) rot).reason()).startsWith("cannot tell what logrotate rotates").contains("not in capture");
    }

    @Test
    void aHostWithoutLogrotateRotatesNothing() throws IOException {
        Path t = host("debian12-vm", COREDNS);
        for (Path p : List.of("apt", "dpkg", "rsyslog").stream().map(n -> t.resolve("etc/logrotate.d/" + n)).toList()) Files.delete(p);
        Files.delete(t.resolve("etc/logrotate.d"));
        Files.delete(t.resolve("etc/logrotate.conf"));
        Path manifest = t.resolve("golive-capture.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"absent\": [", "\"absent\": [\"/etc/logrotate.conf\", "));
        List<Finding> found = unrotated(inspect(t));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).contains("there is no /etc/logrotate.conf");
    }
}
