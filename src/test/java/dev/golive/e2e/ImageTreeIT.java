package dev.golive.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged golive on a real image tree: Debian 12 with systemd 252 as mmdebstrap makes it
 * (scripts/image-tree, cached as a tar), so no /proc, no /sys, no running kernel. A profile and
 * a service's drop-in are applied into it: the files are written, no live value is planned or
 * set (each is listed as applying at first boot), the tree's own systemd 252 is named, and a
 * rollback puts every file of the tree back byte for byte.
 */
class ImageTreeIT {

    static Path tree;
    static Path work;

    @BeforeAll static void extract() throws Exception {
        assumeTrue("0".equals(Run.run(List.of("id", "-u")).out().strip()), "the image tree holds root-owned files: extracting it needs root");
        Run tar = Run.run(List.of(Run.root().resolve("scripts/image-tree").toString()), java.time.Duration.ofMinutes(10));
        assertThat(tar.exit()).as("scripts/image-tree: " + tar.err()).isZero();
        work = Files.createTempDirectory("golive-image-tree-");
        tree = work.resolve("root");
        Files.createDirectory(tree);
        Run x = Run.run(List.of("tar", "-C", tree.toString(), "--exclude=./dev/*", "-xf", tar.out().strip()), java.time.Duration.ofMinutes(5));
        assertThat(x.exit()).as("tar: " + x.err()).isZero();
        // a service as an image build installs it: its unit and its binary, nothing running
        Files.createDirectories(tree.resolve("usr/local/bin"));
        Files.copy(Path.of("/bin/true"), tree.resolve("usr/local/bin/api"));
        Files.writeString(tree.resolve("etc/systemd/system/api.service"),
                "[Unit]\nDescription=API\n\n[Service]\nExecStart=/usr/local/bin/api\n\n[Install]\nWantedBy=multi-user.target\n");
    }

    @AfterAll static void clean() {
        if (work != null) dev.golive.host.RootSpec.deleteTree(work);
    }

    /** Every file and link of the tree by content (links by target), except golive's own journal and lock. */
    static Map<String, String> files() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = "/" + tree.relativize(p);
                if (rel.startsWith("/var/lib/golive") || rel.startsWith("/var/log/golive") || rel.equals("/run/golive.lock")) continue;
                if (Files.isSymbolicLink(p)) m.put(rel, "-> " + Files.readSymbolicLink(p));
                else if (Files.isRegularFile(p)) m.put(rel, sha256(p));
                else if (Files.isDirectory(p)) m.put(rel + "/", "dir");
            }
        }
        return m;
    }

    static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void applyIntoTheTreeWritesFilesSetsNothingLiveAndRollsBackByteForByte() throws Exception {
        Map<String, String> before = files();
        String root = tree.toString();

        Run plan = Run.golive("plan", "--profile", "web-api", "--service", "api", "--tighten", "--root", root, "--json");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("\"live\" : [ ]", "\"firstBoot\" : {");

        Run apply = Run.golive("apply", "--profile", "web-api", "--service", "api", "--tighten", "--root", root, "--yes");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains(
                "created /etc/sysctl.d/60-golive.conf", "created /etc/tmpfiles.d/60-golive.conf",
                "created /etc/systemd/system/api.service.d/60-golive.conf",
                "no running kernel in " + root + ": no live values set; sysctl keys checked against the keys golive knows",
                "applies at first boot: net.core.somaxconn = 8192  (/etc/sysctl.d/60-golive.conf, systemd-sysctl)",
                "applies at first boot: /sys/kernel/mm/transparent_hugepage/defrag = defer+madvise");
        // the tree's own systemd, read from its libsystemd-shared, never this machine's
        assertThat(apply.out()).containsPattern("the tree's systemd: 252 \\(/usr/lib/[^ ]*libsystemd-shared-252\\.so\\)");
        assertThat(tree.resolve("proc")).as("nothing set live: the tree's /proc stays empty").isEmptyDirectory();
        assertThat(tree.resolve("sys")).isEmptyDirectory();
        String dropIn = Files.readString(tree.resolve("etc/systemd/system/api.service.d/60-golive.conf"));
        // systemd 252: the [Unit] start limit (v230)
        assertThat(dropIn).contains("StartLimitIntervalSec=60s",
                // web-api's 1024:min(fs.nr_open, 1048576): systemd 252 raises nr_open at boot far above 1048576
                "LimitNOFILE=1024:1048576");
        // a service that never ran in the tree has no tasks.peak: its task limit stays systemd's default, none is invented
        assertThat(dropIn).doesNotContain("TasksMax=");
        assertThat(Files.readString(tree.resolve("etc/sysctl.d/60-golive.conf"))).contains("net.ipv4.tcp_slow_start_after_idle = 0");

        Run again = Run.golive("plan", "--profile", "web-api", "--service", "api", "--tighten", "--root", root, "--no-color");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Nothing to change");

        Run back = Run.golive("rollback", "--last", "--yes", "--root", root);
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void theKernelTheAdminNamesIsUsedAndABadOneRefused() throws Exception {
        String root = tree.toString();
        Run named = Run.golive("plan", "--profile", "web-api", "--root", root, "--kernel", "6.1", "--no-color");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).contains("sysctl keys checked against Linux 6.1, named with --kernel").doesNotContain("Live values");
        Run bad = Run.golive("apply", "--profile", "web-api", "--root", root, "--kernel", "six", "--yes");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("golive: --kernel six: expected a Linux version such as 6.1, 5.15.0 or 6.1.0-18-amd64");
        assertThat(tree.resolve("etc/sysctl.d/60-golive.conf")).doesNotExist();
    }
}
