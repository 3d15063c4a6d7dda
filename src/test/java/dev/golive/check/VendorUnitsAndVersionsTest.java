package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.config.SystemdIni;
import dev.golive.host.Fixtures;
import dev.golive.model.FileChange;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
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
 * The admin's steps on fixture hosts with units added to a copy of the tree: `check --service`
 * and `plan --service` (with and without --tighten) for a unit using the cgroup-v1 names on
 * CentOS 7 and Debian 12, and for docker.service / containerd.service modelled on the
 * upstream units (Type=notify, KillMode=process, Delegate=yes, TasksMax=infinity,
 * Restart=always, LimitNOFILE=infinity).
 */
class VendorUnitsAndVersionsTest {

    @TempDir Path tmp;

    static final String V1_NAMES = """
            [Unit]
            Description=Legacy app
            [Service]
            ExecStart=/usr/local/bin/app
            User=app
            Restart=on-failure
            RestartSec=5s
            MemoryLimit=1G
            CPUShares=512
            [Install]
            WantedBy=multi-user.target
            """;

    static final String DOCKER = """
            [Unit]
            Description=Docker Application Container Engine
            Documentation=https://docs.docker.com
            After=network-online.target docker.socket firewalld.service containerd.service time-set.target
            Wants=network-online.target containerd.service
            Requires=docker.socket

            [Service]
            Type=notify
            ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock
            ExecReload=/bin/kill -s HUP $MAINPID
            TimeoutStartSec=0
            RestartSec=2
            Restart=always
            StartLimitBurst=3
            StartLimitInterval=60s
            LimitNOFILE=infinity
            LimitNPROC=infinity
            LimitCORE=infinity
            TasksMax=infinity
            Delegate=yes
            KillMode=process
            OOMScoreAdjust=-500

            [Install]
            WantedBy=multi-user.target
            """;

    static final String CONTAINERD = """
            [Unit]
            Description=containerd container runtime
            Documentation=https://containerd.io
            After=network.target local-fs.target dbus.service

            [Service]
            ExecStartPre=-/sbin/modprobe overlay
            ExecStart=/usr/bin/containerd
            Type=notify
            Delegate=yes
            KillMode=process
            Restart=always
            RestartSec=5
            LimitNPROC=infinity
            LimitCORE=infinity
            LimitNOFILE=infinity
            TasksMax=infinity
            OOMScoreAdjust=-999

            [Install]
            WantedBy=multi-user.target
            """;

    /** A runtime golive knows by nothing but its Delegate=yes. */
    static final String DELEGATING = """
            [Unit]
            Description=Job runner that starts its own containers
            [Service]
            ExecStart=/opt/runner/bin/runner
            Delegate=yes
            KillMode=process
            Restart=always
            TasksMax=infinity
            [Install]
            WantedBy=multi-user.target
            """;

    Path tree(String host, String unitPath, String content) throws IOException {
        Path t = tmp.resolve(host);
        Fixtures.copyTree(Fixtures.dir(host), t);
        Path u = t.resolve(unitPath.substring(1));
        Files.createDirectories(u.getParent());
        Files.writeString(u, content);
        return t;
    }

    static List<Finding> check(Path tree, String unit) {
        try (Session s = Session.open(tree.toString())) {
            HostFacts f = s.inspectService(unit, null);
            return Checker.run(f).findings().stream().filter(x -> x.ruleId().startsWith("UNIT-") || x.ruleId().startsWith("CG-")).toList();
        }
    }

    static Optional<FixChange.UnitDirectiveChange> change(Finding f, String key) {
        return f.fix().stream().flatMap(p -> p.changes().stream())
                .filter(c -> c instanceof FixChange.UnitDirectiveChange u && u.key().equals(key)).map(c -> (FixChange.UnitDirectiveChange) c).findFirst();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"centos7-v1, false", "debian12-vm, true"})
    void theV1NamesAreOnlyCalledDeprecatedWhereTheNewNamesExist(String host, boolean offered) throws IOException {
        Path t = tree(host, "/etc/systemd/system/legacy.service", V1_NAMES);
        List<Finding> deprecated = check(t, "legacy").stream().filter(f -> f.ruleId().equals("UNIT-DEPRECATED-DIRECTIVE")).toList();
        if (!offered) {
            assertThat(deprecated).as("systemd 219 knows only MemoryLimit= and CPUShares=").isEmpty();
        } else {
            assertThat(deprecated).anySatisfy(f -> assertThat(change(f, "MemoryMax")).isPresent())
                    .anySatisfy(f -> assertThat(change(f, "CPUWeight")).isPresent());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docker", "containerd", "runner"})
    void aContainerRuntimeGetsNoKillModeOrHardeningFinding(String name) throws IOException {
        String content = name.equals("docker") ? DOCKER : name.equals("containerd") ? CONTAINERD : DELEGATING;
        Path t = tree("debian12-vm", "/usr/lib/systemd/system/" + name + ".service", content);
        List<String> ids = check(t, name).stream().map(Finding::ruleId).toList();
        assertThat(ids).doesNotContain("UNIT-KILLMODE", "UNIT-ROOT-NO-HARDENING", "UNIT-SECURITY-EXPOSURE");
        // the same unit under a name and binary that say nothing, without Delegate=: both findings are back
        Path plain = tree("arm64-server", "/usr/lib/systemd/system/plain.service",
                DELEGATING.replace("Delegate=yes\n", ""));
        assertThat(check(plain, "plain").stream().map(Finding::ruleId).toList()).contains("UNIT-KILLMODE", "UNIT-ROOT-NO-HARDENING");
    }

    static FileChange dropIn(Plan p, String unit) {
        return p.files().stream().filter(f -> f.path().equals("/etc/systemd/system/" + unit + ".d/60-golive.conf")).findFirst().orElseThrow();
    }

    static final List<String> NEVER_ON_A_RUNTIME = List.of("NoNewPrivileges", "PrivateTmp", "ProtectSystem", "ProtectHome", "PrivateDevices",
            "ProtectKernelTunables", "ProtectKernelModules", "ProtectControlGroups", "RestrictNamespaces", "SystemCallFilter",
            "CapabilityBoundingSet", "TasksMax", "KillMode", "Restart");

    @ParameterizedTest(name = "{0} tighten={1}")
    @CsvSource({"docker, false", "docker, true", "containerd, false", "containerd, true"})
    void planForAContainerRuntimeLeavesItsSandboxTaskLimitKillModeAndRestartAlone(String name, boolean tighten) throws IOException {
        Path t = tree("debian12-vm", "/usr/lib/systemd/system/" + name + ".service", name.equals("docker") ? DOCKER : CONTAINERD);
        // the runtime runs: its cgroup shows a task peak, so web-api sizes a TasksMax= (max(200% of 300, 4096)) that golive must leave out
        Path cg = java.nio.file.Files.createDirectories(t.resolve("sys/fs/cgroup/system.slice/" + name + ".service"));
        java.nio.file.Files.writeString(cg.resolve("pids.current"), "120\n");
        java.nio.file.Files.writeString(cg.resolve("pids.peak"), "300\n");
        java.nio.file.Files.writeString(cg.resolve("pids.max"), "max\n");
        Plan p;
        try (Session s = Session.open(t.toString())) {
            if (tighten) s.tighten(true);
            p = s.plan("web-api", Optional.of(name), List.of(), "t1");
        }
        if (!tighten) {
            // web-api's LimitNOFILE=1024:1048576 would lower the runtime's infinity (its containers inherit it): nothing else asked
            assertThat(p.files()).noneMatch(x -> x.path().contains(name + ".service"));
            return;
        }
        FileChange f = dropIn(p, name + ".service");
        SystemdIni ini = SystemdIni.parse(f.path(), f.after().orElseThrow());
        assertThat(ini.values("Service", "LimitNOFILE")).as("infinity is kept, not lowered").isEmpty();
        for (String key : NEVER_ON_A_RUNTIME) assertThat(ini.values("Service", key)).as(name + ": " + key).isEmpty();
        assertThat(f.why()).contains("no sandboxing: " + name + ".service is a container runtime, and basic would break its containers (NoNewPrivileges, ")
                .contains("TasksMax=4096 left out: " + name + ".service is a container runtime; its containers' tasks count against the limit")
                .contains("Restart=always of " + name + ".service kept: golive never downgrades it (asked: on-failure)");
        // what was asked and does not break a runtime is applied, and shown old → new
        assertThat(ini.values("Service", "RestartSec")).containsExactly("5s");
        assertThat(f.why()).contains("RestartSec: " + (name.equals("docker") ? "2" : "5") + " → 5s");
    }
}
