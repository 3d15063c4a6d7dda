package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units written from old blog posts and new documentation, checked on the Debian 12 host
 * (systemd 252) and on CentOS 7 (systemd 219): `check --service` names what systemd will read
 * differently from how the unit looks.
 */
class UnitFileFindingsTest {

    @TempDir Path tmp;

    static final String FROM_A_BLOG = """
            [Unit]
            Description=Worker
            After=network.target
            [Service]
            User=worker
            PermissionsStartOnly=true
            ExecStartPre=/usr/bin/install -d -o worker /run/worker
            ExecStart=/usr/local/bin/worker
            ExecReload=/bin/kill -HUP $MAINPID
            Restart=always
            StartLimitInterval=0
            PrivateTmp=disconnected
            ProtectClock=yes
            MemoryMax=1G
            [Install]
            WantedBy=multi-user.target
            """;

    List<Finding> check(String host, String unit) throws IOException {
        Path t = tmp.resolve(host);
        Fixtures.copyTree(Fixtures.dir(host), t);
        Path u = t.resolve("etc/systemd/system/worker.service");
        Files.createDirectories(u.getParent());
        Files.writeString(u, unit);
        try (Session s = Session.open(t.toString())) {
            return Checker.run(s.inspectService("worker", null)).findings();
        }
    }

    static List<Finding> of(List<Finding> all, String id) { return all.stream().filter(f -> f.ruleId().equals(id)).toList(); }

    @Test
    void onDebian12TheOldSpellingsAndTheSystemd257ValueAreNamed() throws IOException {
        List<Finding> all = check("debian12-vm", FROM_A_BLOG);
        assertThat(of(all, "UNIT-START-LIMIT-OLD-SPELLING")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("[Service] StartLimitInterval=0 is the old spelling of [Unit] StartLimitIntervalSec=; "
                    + "0 turns the start limit off, so a service that fails at start is restarted without end");
            assertThat(f.sources().get(0).describe()).isEqualTo("/etc/systemd/system/worker.service:11");
            assertThat(f.fix().orElseThrow().changes()).contains(new FixChange.UnitDirectiveChange("Unit", "StartLimitIntervalSec", "0"));
        });
        assertThat(of(all, "UNIT-PERMISSIONS-START-ONLY")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("PermissionsStartOnly=true: ExecStartPre=, ExecReload= run as root; systemd 252 calls the switch deprecated"));
        assertThat(of(all, "UNIT-DIRECTIVE-TOO-NEW")).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("PrivateTmp=disconnected needs systemd 257");
            assertThat(f.message()).startsWith("PrivateTmp=disconnected: PrivateTmp=disconnected needs systemd 257; this host has 252");
        });
        assertThat(of(all, "UNIT-NO-EXECSTART")).isEmpty();
    }

    @Test
    void onCentos7EveryDirectiveSystemd219LacksIsNamedWithItsVersion() throws IOException {
        List<Finding> all = check("centos7-v1", FROM_A_BLOG);
        assertThat(of(all, "UNIT-DIRECTIVE-TOO-NEW")).extracting(Finding::title).containsExactlyInAnyOrder(
                "PrivateTmp=disconnected needs systemd 257", "ProtectClock= needs systemd 245", "MemoryMax= needs systemd 231");
        // 219 knows only the [Service] spelling: nothing to move it to
        assertThat(of(all, "UNIT-START-LIMIT-OLD-SPELLING")).singleElement()
                .satisfies(f -> assertThat(f.fix().orElseThrow().changes()).isEmpty());
    }

    @Test
    void aUnitWhoseDropInResetsExecStartCannotStart() throws IOException {
        Path t = tmp.resolve("debian12-vm");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Path d = t.resolve("etc/systemd/system/api.service.d/zz-reset.conf");
        Files.writeString(d, "[Service]\nExecStart=\n");
        try (Session s = Session.open(t.toString())) {
            List<Finding> all = Checker.run(s.inspectService("api", null)).findings();
            assertThat(of(all, "UNIT-NO-EXECSTART")).singleElement().satisfies(f -> assertThat(f.message())
                    .isEqualTo("api.service sets no ExecStart= (Type=simple): systemd refuses to start it"));
        }
    }
}
