package dev.golive.app;

import dev.golive.model.ExitCode;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.plan.Preview;
import dev.golive.report.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An image tree as mmdebstrap or debootstrap leaves it: no kernel (empty /proc and /sys), a
 * systemd known only from its own files. golive writes its files into it, sets nothing live,
 * checks sysctl keys against the kernel the admin names (or the keys it knows), and reads the
 * tree's systemd version from the tree, never from this machine.
 */
class ImageTreeTest {

    @TempDir Path tmp;

    /** A minimal Debian 12 tree: os-release, empty proc/ and sys/, unit directories; systemd as the caller adds it. */
    private Path tree() throws IOException {
        Path t = tmp.resolve("tree");
        write(t, "etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        Files.createDirectories(t.resolve("proc"));
        Files.createDirectories(t.resolve("sys"));
        Files.createDirectories(t.resolve("etc/systemd/system"));
        Files.createDirectories(t.resolve("usr/lib/systemd/system"));
        Files.createDirectories(t.resolve("etc/sysctl.d"));
        return t;
    }

    private static void write(Path tree, String rel, String text) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Session open(Path tree) { return Session.open(tree.toString()).profileDirs(List.of()); }

    private static Optional<String> file(Plan plan, String path) {
        return plan.files().stream().filter(f -> f.path().equals(path)).findFirst().flatMap(FileChange::after);
    }

    @Test
    void aProfileOnATreeWithoutProcWritesItsFilesAndSetsNothingLive() throws IOException {
        Path t = tree();
        write(t, "usr/lib/systemd/libsystemd-shared-252.so", "");
        Plan plan;
        try (Session s = open(t)) {
            plan = s.plan("web-api", Optional.empty(), List.of(), "p1");
        }
        assertThat(plan.live()).as("no kernel runs in the tree: nothing to set live").isEmpty();
        assertThat(file(plan, "/etc/sysctl.d/60-golive.conf")).get().asString()
                .contains("net.core.somaxconn = 8192", "net.core.netdev_max_backlog = 4096", "net.ipv4.tcp_slow_start_after_idle = 0");
        assertThat(file(plan, "/etc/tmpfiles.d/60-golive.conf")).get().asString().contains("transparent_hugepage/defrag - - - - defer+madvise");
        Plan.FirstBoot fb = plan.firstBoot().orElseThrow();
        assertThat(fb.checkedAgainst()).startsWith("the keys golive knows");
        assertThat(fb.systemd()).startsWith("252 (/usr/lib/systemd/libsystemd-shared-252.so)");
        assertThat(fb.values()).anyMatch(v -> v.startsWith("net.core.somaxconn = 8192"))
                .anyMatch(v -> v.startsWith("/sys/kernel/mm/transparent_hugepage/defrag = defer+madvise"));
        // and tcp_max_syn_backlog is not planned: the kernel reads it only without syncookies, unknown in a tree
        assertThat(plan.manualSteps()).anyMatch(m -> m.startsWith("not planned: sysctl net.ipv4.tcp_max_syn_backlog"));
        assertThat(plan.manualSteps()).noneMatch(m -> m.contains("restart running Go services"));
        assertThat(plan.manualSteps()).noneMatch(m -> m.contains("live value unknown"));
        String text = Preview.render(plan, t.toString(), Style.PLAIN);
        assertThat(text).contains("Image tree (no running kernel: no live values)", "sysctl keys checked against the keys golive knows",
                "the tree's systemd: 252", "applies at first boot: net.core.somaxconn = 8192").doesNotContain("Live values");
    }

    @Test
    void theKernelTheAdminNamesDecidesWhichKeysExist() throws IOException {
        Path t = tree();
        FixChange port80 = new FixChange.SysctlChange("net.ipv4.ip_unprivileged_port_start", "80");
        Plan old, recent;
        try (Session s = open(t)) {
            old = s.kernel("4.9").plan("none", Optional.empty(), List.of(port80), "p1");
        }
        try (Session s = open(t)) {
            recent = s.kernel("6.1.0-18-amd64").plan("none", Optional.empty(), List.of(port80), "p2");
        }
        // ip_unprivileged_port_start came with Linux 4.11
        assertThat(file(old, "/etc/sysctl.d/60-golive.conf")).isEmpty();
        assertThat(old.manualSteps()).anyMatch(m -> m.startsWith("not planned: net.ipv4.ip_unprivileged_port_start does not exist on")
                && m.contains("Linux 4.9 named with --kernel"));
        assertThat(old.firstBoot().orElseThrow().checkedAgainst()).isEqualTo("Linux 4.9, named with --kernel");
        assertThat(file(recent, "/etc/sysctl.d/60-golive.conf")).get().asString().contains("net.ipv4.ip_unprivileged_port_start = 80");
        assertThat(recent.live()).isEmpty();
    }

    @Test
    void currentIsTheValueAtFirstBoot() throws IOException {
        Path t = tree();
        Path profiles = tmp.resolve("profiles");
        write(profiles, "floor.yaml", "description: a floor under somaxconn\nsysctl:\n  net.core.somaxconn:\n"
                + "    value: max(current, 1024)\n    why: Room in the accept queue.\n");
        // somaxconn defaults to 128 before Linux 5.4 and 4096 from it: the floor means 1024 or 4096
        assertThat(somaxconn(t, profiles, "4.19")).hasValue("net.core.somaxconn = 1024");
        assertThat(somaxconn(t, profiles, "5.4")).hasValue("net.core.somaxconn = 4096");
        Plan unnamed;
        try (Session s = Session.open(t.toString()).profileDirs(List.of(profiles.toString()))) {
            unnamed = s.plan("floor", Optional.empty(), List.of(), "p");
        }
        assertThat(file(unnamed, "/etc/sysctl.d/60-golive.conf")).as("1024 or 4096: golive does not guess").isEmpty();
        assertThat(unnamed.manualSteps()).anyMatch(m -> m.contains("max(current, 1024) is one of [1024, 4096]") && m.contains("--kernel"));
        // a value the tree's own sysctl.d sets is what the key has at first boot
        write(t, "etc/sysctl.d/20-site.conf", "net.core.somaxconn = 2048\n");
        try (Session s = Session.open(t.toString()).profileDirs(List.of(profiles.toString()))) {
            unnamed = s.plan("floor", Optional.empty(), List.of(), "p");
        }
        assertThat(file(unnamed, "/etc/sysctl.d/60-golive.conf")).get().asString().contains("net.core.somaxconn = 2048");
    }

    private static Optional<String> somaxconn(Path t, Path profiles, String kernel) {
        try (Session s = Session.open(t.toString()).profileDirs(List.of(profiles.toString()))) {
            Plan p = s.kernel(kernel).plan("floor", Optional.empty(), List.of(), "p");
            return file(p, "/etc/sysctl.d/60-golive.conf").map(c -> c.lines().filter(l -> l.startsWith("net.core.somaxconn")).findFirst().orElse(""));
        }
    }

    @Test
    void aMalformedOrMisplacedKernelIsRefused() throws IOException {
        Path t = tree();
        for (String bad : List.of("six", "6", "6.x", "6.1foo", "", "2.6.32")) {
            try (Session s = open(t)) {
                assertThatThrownBy(() -> s.kernel(bad)).isInstanceOf(GoliveException.class)
                        .satisfies(e -> assertThat(((GoliveException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                        .hasMessageStartingWith("--kernel " + bad + ":");
            }
        }
        // a tree with a kernel of its own answers for itself
        write(t, "proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");
        try (Session s = open(t)) {
            s.kernel("6.1");
            assertThatThrownBy(s::inspect).isInstanceOf(GoliveException.class).hasMessageContaining("has a kernel of its own");
        }
    }

    @Test
    void theTreesSystemdComesFromItsOwnFiles() throws IOException {
        Path shared = tree();
        write(shared, "usr/lib/systemd/libsystemd-shared-247.so", "");
        assertThat(systemd(shared)).isEqualTo("247 from /usr/lib/systemd/libsystemd-shared-247.so");

        Path ubuntu = tmp.resolve("ubuntu");
        Files.createDirectories(ubuntu.resolve("proc"));
        write(ubuntu, "usr/lib/x86_64-linux-gnu/systemd/libsystemd-shared-255.4-1ubuntu8.so", "");
        assertThat(systemd(ubuntu)).isEqualTo("255 from /usr/lib/x86_64-linux-gnu/systemd/libsystemd-shared-255.4-1ubuntu8.so");

        Path dpkg = tmp.resolve("dpkg");
        write(dpkg, "var/lib/dpkg/status", "Package: libsystemd0\nStatus: install ok installed\nVersion: 257.1-1\n\n"
                + "Package: systemd\nStatus: deinstall ok config-files\nVersion: 241-7\n\n"
                + "Package: systemd\nStatus: install ok installed\nPriority: important\nVersion: 252.19-1~deb12u1\n\n");
        assertThat(systemd(dpkg)).isEqualTo("252 from /var/lib/dpkg/status:12");

        Path neither = tmp.resolve("neither");
        Files.createDirectories(neither.resolve("etc"));
        try (Session s = open(neither)) {
            assertThat(s.inspect().systemd().version().known()).isFalse();
        }
    }

    private static String systemd(Path tree) {
        try (Session s = open(tree)) {
            HostFacts f = s.inspect();
            return f.systemd().version().opt().orElseThrow() + " from " + f.systemd().version().src().orElseThrow().describe();
        }
    }

    @Test
    void theUnitIsWrittenForTheTreesSystemd() throws IOException {
        String unit = "[Unit]\nDescription=API\n[Service]\nExecStart=/usr/local/bin/api\n[Install]\nWantedBy=multi-user.target\n";
        Path v247 = tree();
        write(v247, "etc/systemd/system/api.service", unit);
        write(v247, "usr/lib/systemd/libsystemd-shared-247.so", "");
        Path unknown = tmp.resolve("unknown");
        Files.createDirectories(unknown.resolve("proc"));
        write(unknown, "etc/systemd/system/api.service", unit);
        String newer = dropIn(v247), oldest = dropIn(unknown);
        // StartLimitIntervalSec= in [Unit] from v230; before, the [Service] spelling. An image runs no service, so
        // there is no task peak to size TasksMax= from: none is written (systemd's default stays)
        assertThat(newer).contains("[Unit]\nStartLimitIntervalSec=60s").doesNotContain("TasksMax=");
        assertThat(oldest).contains("StartLimitInterval=60s").doesNotContain("StartLimitIntervalSec", "TasksMax=");
    }

    private static String dropIn(Path tree) {
        try (Session s = open(tree)) {
            Plan p = s.tighten(true).plan("web-api", Optional.of("api"), List.of(), "p");
            return file(p, "/etc/systemd/system/api.service.d/60-golive.conf").orElseThrow();
        }
    }
}
