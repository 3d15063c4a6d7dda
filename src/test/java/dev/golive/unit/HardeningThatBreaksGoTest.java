package dev.golive.unit;

import dev.golive.app.Session;
import dev.golive.check.Checker;
import dev.golive.config.SystemdIni;
import dev.golive.host.Fixtures;
import dev.golive.model.FileChange;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Plan;
import dev.golive.model.ServiceSpec;
import org.junit.jupiter.api.Test;
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
 * The admin's steps on the debian12-vm capture: `golive unit` at every hardening level for a
 * listening service, then `check --service` and `plan --service` on units that hide /proc/sys
 * (ProcSubset=pid: every Go listener gets a backlog of 128) or leave out AF_NETLINK
 * (net.Interfaces() fails).
 */
class HardeningThatBreaksGoTest {

    @TempDir Path tmp;

    Path tree(String unit, String content) throws IOException {
        Path t = tmp.resolve("host");
        if (!Files.exists(t)) Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Path u = t.resolve("etc/systemd/system").resolve(unit);
        Files.createDirectories(u.getParent());
        Files.writeString(u, content);
        return t;
    }

    static String unit(String extra) {
        return "[Unit]\nDescription=Listening Go service\n[Service]\nType=exec\nUser=api\nExecStart=/opt/api/bin/api\n"
                + "Restart=on-failure\nRestartSec=5s\nNoNewPrivileges=yes\n" + extra + "[Install]\nWantedBy=multi-user.target\n";
    }

    static List<Finding> findings(Path tree, String service, String rule) {
        try (Session s = Session.open(tree.toString())) {
            return Checker.run(s.inspectService(service, null)).findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        }
    }

    static List<FixChange> changes(Finding f) { return f.fix().map(p -> p.changes()).orElse(List.of()); }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NONE", "BASIC", "STRICT"})
    void noLevelForAListeningServiceHidesProcSysOrNetlinkAndGoliveDoesNotFlagItsOwnUnit(ServiceSpec.Hardening level) throws IOException {
        Path t = tmp.resolve("host");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        ServiceSpec spec = Specs.app().name("web").exec("/opt/api/bin/api").user("api").ports(8080).stateDirs("web").hardening(level).build();
        String content;
        try (Session s = Session.open(t.toString())) {
            content = s.previewUnit(spec, Optional.empty(), x -> x, "t1", false).unit().content();
        }
        SystemdIni ini = SystemdIni.parse("/etc/systemd/system/web.service", content);
        assertThat(ini.values("Service", "ProcSubset")).as(level + ": ProcSubset=pid would cap every backlog at 128").isEmpty();
        if (level == ServiceSpec.Hardening.STRICT) {
            assertThat(ini.values("Service", "RestrictAddressFamilies")).containsExactly("AF_INET AF_INET6 AF_UNIX AF_NETLINK");
            assertThat(ini.values("Service", "ProtectProc")).containsExactly("invisible");
        }
        tree("web.service", content);
        assertThat(findings(t, "web", "UNIT-PROCSUBSET-HIDES-SOMAXCONN")).isEmpty();
        assertThat(findings(t, "web", "UNIT-NETLINK-RESTRICTED")).isEmpty();
    }

    @Test
    void aUnitWithProcSubsetPidIsNamedAndThePlanSetsProcSubsetAll() throws IOException {
        Path t = tree("trap.service", unit("ProtectProc=invisible\nProcSubset=pid\n"));
        List<Finding> f = findings(t, "trap", "UNIT-PROCSUBSET-HIDES-SOMAXCONN");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("trap.service sets ProcSubset=pid").contains("backlog of 128");
            assertThat(x.sources()).anySatisfy(s -> assertThat(s.describe()).contains("/etc/systemd/system/trap.service:11"));
            assertThat(changes(x)).containsExactly(new FixChange.UnitDirectiveChange("Service", "ProcSubset", "all"));
        });
        Plan p;
        try (Session s = Session.open(t.toString())) {
            p = s.plan(Session.NO_PROFILE, Optional.of("trap"), changes(f.get(0)), "t1");
        }
        FileChange drop = p.files().stream().filter(x -> x.path().startsWith("/etc/systemd/system/trap.service.d/")).findFirst().orElseThrow();
        assertThat(SystemdIni.parse(drop.path(), drop.after().orElseThrow()).values("Service", "ProcSubset")).containsExactly("all");
        // a drop-in that already undoes it: nothing to say
        tree("trap.service.d/fix.conf", "[Service]\nProcSubset=all\n");
        assertThat(findings(t, "trap", "UNIT-PROCSUBSET-HIDES-SOMAXCONN")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AF_INET AF_INET6 AF_UNIX|fix",
            "AF_INET AF_INET6 AF_UNIX AF_NETLINK|none",
            "~AF_PACKET|none",
            "~AF_PACKET AF_NETLINK|advice",
            "none|advice"})
    void restrictAddressFamiliesWithoutNetlinkIsNamed(String value, String expect) throws IOException {
        Path t = tree("nl.service", unit("RestrictAddressFamilies=" + value + "\n"));
        List<Finding> f = findings(t, "nl", "UNIT-NETLINK-RESTRICTED");
        switch (expect) {
            case "none" -> assertThat(f).isEmpty();
            case "fix" -> assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.message()).contains("RestrictAddressFamilies=" + value + " without AF_NETLINK");
                // lists accumulate: one more allow line adds the family to the unit's list
                assertThat(changes(x)).containsExactly(new FixChange.UnitDirectiveChange("Service", "RestrictAddressFamilies", "AF_NETLINK"));
            });
            default -> assertThat(f).singleElement().satisfies(x -> {
                assertThat(changes(x)).as("a deny list cannot be shortened by adding a line").isEmpty();
                assertThat(x.fix().orElseThrow().text()).contains("AF_NETLINK");
            });
        }
    }

    @Test
    void aLaterDenyLineTakesNetlinkBackOutOfAnAllowList() throws IOException {
        Path t = tree("nl2.service", unit("RestrictAddressFamilies=AF_INET AF_NETLINK\n"));
        assertThat(findings(t, "nl2", "UNIT-NETLINK-RESTRICTED")).isEmpty();
        tree("nl2.service.d/deny.conf", "[Service]\nRestrictAddressFamilies=~AF_NETLINK\n");
        assertThat(findings(t, "nl2", "UNIT-NETLINK-RESTRICTED")).hasSize(1);
    }
}
