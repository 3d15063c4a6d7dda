package dev.golive.host;

import dev.golive.model.Fact;
import dev.golive.model.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the live host reads, listings, directory tests and link resolution take the kernel's
 * shortcuts (one open, one stat, one realpath). They answer what a target tree's link-safe
 * walk answers for the same files: the live root here is a temp tree standing for "/" (with
 * relative links only, which mean the same under both).
 */
class LiveRootShortcutsTest {

    @TempDir Path tmp;
    private Path tree;

    @BeforeEach void merged() throws IOException {
        tree = tmp.toRealPath();
        Files.createDirectories(tree.resolve("usr/lib/systemd/system/app.service.d"));
        Files.createDirectories(tree.resolve("usr/lib/systemd/system/odd.service")); // a directory named like a unit
        Files.writeString(tree.resolve("usr/lib/systemd/system/app.service"), "[Service]\nExecStart=/app\n");
        Files.writeString(tree.resolve("usr/lib/systemd/system/app.service.d/10-limits.conf"), "[Service]\nLimitNOFILE=65536\n");
        Files.createSymbolicLink(tree.resolve("lib"), Path.of("usr/lib"));
        Files.createDirectories(tree.resolve("etc/sysctl.d"));
        Files.writeString(tree.resolve("etc/sysctl.conf"), "vm.swappiness = 10\n");
        Files.writeString(tree.resolve("etc/empty"), "");
        Files.createSymbolicLink(tree.resolve("etc/sysctl.d/99-sysctl.conf"), Path.of("../sysctl.conf"));
        Files.createSymbolicLink(tree.resolve("etc/sysctl.d/dangling.conf"), Path.of("../nowhere/x.conf"));
    }

    private DirectoryHostRoot live() { return new DirectoryHostRoot(tree, true, "/", new AccessLog()); }

    private DirectoryHostRoot targetTree() { return new DirectoryHostRoot(tree, false, tree.toString(), new AccessLog()); }

    @Test void readsAFileThroughLinksAsTheSafeWalkDoes() {
        for (DirectoryHostRoot root : List.of(live(), targetTree())) {
            assertThat(root.read("/etc/sysctl.d/99-sysctl.conf")).isEqualTo(Fact.of("vm.swappiness = 10\n", Source.File.of("/etc/sysctl.d/99-sysctl.conf")));
            assertThat(root.read("/lib/systemd/system/app.service").opt()).contains("[Service]\nExecStart=/app\n");
            assertThat(root.read("/etc/empty")).isEqualTo(Fact.of("", Source.File.of("/etc/empty")));
            assertThat(root.read("/etc/missing")).isEqualTo(Fact.unknown("/etc/missing: no such file"));
            assertThat(root.read("/etc/sysctl.d/dangling.conf")).isEqualTo(Fact.unknown("/etc/sysctl.d/dangling.conf: no such file"));
            assertThat(root.read("/etc/sysctl.d")).isEqualTo(Fact.unknown("/etc/sysctl.d: is a directory"));
        }
    }

    @Test void logsEveryReadAndListingWithWhatItFound() {
        DirectoryHostRoot root = live();
        root.read("/etc/sysctl.conf");
        root.read("/etc/missing");
        root.list("/etc/sysctl.d");
        root.list("/etc/sysctl.conf");

        assertThat(root.log().entries()).extracting(e -> e.kind() + " " + e.what() + " " + e.detail()).containsExactly(
                "READ /etc/sysctl.conf ok", "READ /etc/missing missing", "LIST /etc/sysctl.d ok", "LIST /etc/sysctl.conf missing");
    }

    @Test void listsSortedNamesAndTellsDirectoriesAsTheSafeWalkDoes() {
        for (DirectoryHostRoot root : List.of(live(), targetTree())) {
            assertThat(root.list("/lib/systemd/system")).contains(List.of("app.service", "app.service.d", "odd.service"));
            assertThat(root.list("/etc/sysctl.d")).contains(List.of("99-sysctl.conf", "dangling.conf"));
            assertThat(root.list("/etc/sysctl.conf")).isEmpty();
            assertThat(root.list("/nowhere")).isEmpty();
            assertThat(root.isDirectory("/lib/systemd/system/odd.service")).isTrue();
            assertThat(root.isDirectory("/lib")).isTrue();
            assertThat(root.isDirectory("/lib/systemd/system/app.service")).isFalse();
            assertThat(root.isDirectory("/etc/sysctl.d/dangling.conf")).isFalse();
            assertThat(root.isDirectory("/nowhere")).isFalse();
        }
    }

    @Test void resolvesLinksToTheSamePathAsTheSafeWalk() {
        DirectoryHostRoot live = live(), tree = targetTree();
        for (String path : List.of("/lib", "/lib/systemd/system", "/lib/systemd/system/app.service", "/etc/sysctl.d/99-sysctl.conf",
                "/etc/sysctl.d/dangling.conf", "/lib/nowhere/x", "/", "/etc/")) {
            assertThat(HostLinks.canonical(live, path)).as(path).isEqualTo(HostLinks.canonical(tree, path));
        }
        assertThat(HostLinks.canonical(live, "/lib/systemd/system")).isEqualTo("/usr/lib/systemd/system");
        assertThat(HostLinks.canonical(live, "/etc/sysctl.d/99-sysctl.conf")).isEqualTo("/etc/sysctl.conf");
        // the kernel's answer is only taken for a path that resolves: a dangling link is walked
        assertThat(live.liveRealPath("/etc/sysctl.d/dangling.conf")).isEqualTo(Optional.empty());
        assertThat(HostLinks.canonical(live, "/etc/sysctl.d/dangling.conf")).isEqualTo("/etc/nowhere/x.conf");
    }

    @Test void aPathWithDotDotIsRefusedAsBefore() {
        DirectoryHostRoot root = live();
        for (String bad : List.of("/etc/../x", "/..", "/etc/..")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.read(bad)).isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.isDirectory(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(HostPaths.check("/etc/..d/x")).isEqualTo("/etc/..d/x");
    }
}
