package dev.golive.ui.cli;

import dev.golive.host.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.golive.ui.cli.ApplyCommandsTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin sends the service's output to a file with append: and golive writes its rotation
 * (/etc/logrotate.d/golive-NAME, copytruncate) in the same snapshot; rollback takes both away.
 */
class AppendLogRotationTest {

    @TempDir Path work;

    /** A target tree of the fixture whose systemd is {@code version} (the name of its libsystemd-shared). */
    Path target(String fixture, int version) throws IOException {
        Path host = work.resolve(fixture);
        Fixtures.targetTree(fixture, host);
        Path lib = host.resolve("usr/lib/systemd/libsystemd-shared-" + version + ".so");
        Files.createDirectories(lib.getParent());
        Files.writeString(lib, "");
        return host;
    }

    /** Every path of the tree with its bytes and permissions. */
    static Map<String, String> bytes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String perms = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                out.put(dir.relativize(p).toString(), perms + (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? " " + java.util.HexFormat.of().formatHex(Files.readAllBytes(p)) : ""));
            }
        }
        return out;
    }

    @Test
    void appendWritesItsLogrotateFileAndRollbackRestoresTheTreeByteForByte() throws IOException {
        Path host = target("debian12-vm", 252);
        Map<String, String> before = bytes(host);
        ApplyCommandsTest.Run a = golive("apply", "--profile", "base", "--service", "api", "--standard-output", "append:/var/log/api/api.log",
                "--standard-error", "append:/var/log/api/api.log", "--yes", "--root", host.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(Files.readString(host.resolve("etc/systemd/system/api.service.d/60-golive.conf")))
                .contains("StandardOutput=append:/var/log/api/api.log\n", "StandardError=append:/var/log/api/api.log\n");
        String rotation = Files.readString(host.resolve("etc/logrotate.d/golive-api"));
        assertThat(rotation).startsWith("# Managed by golive").contains("copytruncate").contains("keeps that descriptor")
                .contains("\n/var/log/api/api.log {\n    daily\n    maxsize 100M\n    rotate 7\n    missingok\n    notifempty\n    compress\n    copytruncate\n}\n");
        // what golive wrote is what logrotate reads: check finds the file rotated
        try (dev.golive.app.Session s = dev.golive.app.Session.open(host.toString())) {
            assertThat(dev.golive.check.Checker.run(s.inspectService("api", null)).ruleIds()).doesNotContain("UNIT-LOG-FILE-UNROTATED");
            var rot = s.inspectService("api", null).service().get().logRotation().opt().get();
            assertThat(rot.covering("/var/log/api/api.log").get().source().path()).isEqualTo("/etc/logrotate.d/golive-api");
        }

        ApplyCommandsTest.Run back = golive("rollback", "--last", "--yes", "--root", host.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        // golive's own state (its snapshots, its audit log and their parent directories) stays
        java.util.function.Predicate<String> golives = p -> p.startsWith("var/lib/golive") || p.startsWith("var/log/golive")
                || p.startsWith("run") || List.of("var", "var/lib", "var/log").contains(p);
        Map<String, String> after = bytes(host);
        after.keySet().removeIf(golives);
        Map<String, String> was = new TreeMap<>(before);
        was.keySet().removeIf(golives);
        assertThat(Files.exists(host.resolve("etc/logrotate.d/golive-api"))).isFalse();
        java.util.Set<String> differ = new java.util.TreeSet<>(after.keySet());
        differ.addAll(was.keySet());
        differ.removeIf(k -> java.util.Objects.equals(after.get(k), was.get(k)));
        assertThat(differ).as("paths that differ after the rollback").isEmpty();
    }

    @Test
    void onSystemd219AppendIsRefusedAndNothingIsWritten() throws IOException {
        Path host = target("centos7-v1", 219);
        Map<String, String> before = bytes(host);
        ApplyCommandsTest.Run r = golive("apply", "--profile", "base", "--service", "app", "--exec", "/usr/bin/true", "--standard-output", "append:/var/log/app.log",
                "--yes", "--root", host.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("StandardOutput=append: needs systemd 240; this host has 219");
        assertThat(bytes(host)).isEqualTo(before);
    }

    @Test
    void aLaterApplyThatSendsTheOutputBackToTheJournalTakesTheRotationAway() throws IOException {
        Path host = target("debian12-vm", 252);
        assertThat(golive("apply", "--profile", "base", "--service", "api", "--standard-output", "append:/var/log/api/api.log",
                "--yes", "--root", host.toString()).exit()).isZero();
        assertThat(host.resolve("etc/logrotate.d/golive-api")).exists();
        ApplyCommandsTest.Run again = golive("apply", "--profile", "base", "--service", "api", "--standard-output", "journal",
                "--yes", "--root", host.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(host.resolve("etc/systemd/system/api.service.d/60-golive.conf"))).doesNotContain("append:");
        assertThat(host.resolve("etc/logrotate.d/golive-api")).doesNotExist();
    }

    @Test
    void aLaterApplyThatDoesNotMentionTheOutputLeavesUnitAndRotationAgreeing() throws IOException {
        Path host = target("debian12-vm", 252);
        assertThat(golive("apply", "--profile", "base", "--service", "api", "--standard-output", "append:/var/log/api/api.log",
                "--yes", "--root", host.toString()).exit()).isZero();
        ApplyCommandsTest.Run again = golive("apply", "--profile", "web-api", "--service", "api", "--yes", "--root", host.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        boolean appends = Files.readString(host.resolve("etc/systemd/system/api.service.d/60-golive.conf")).contains("StandardOutput=append:");
        assertThat(Files.exists(host.resolve("etc/logrotate.d/golive-api"))).as("rotation present iff the drop-in appends (appends=" + appends + ")").isEqualTo(appends);
    }
}
