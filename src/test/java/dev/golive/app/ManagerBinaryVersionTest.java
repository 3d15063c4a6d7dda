package dev.golive.app;

import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tree with no libsystemd-shared-NNN.so and no dpkg database (an RPM distribution such as
 * CentOS 7, whose systemd 219 predates libsystemd-shared): golive reads the systemd version
 * from the start-up banner in the manager binary, /usr/lib/systemd/systemd, without running it.
 * The Debian cases use bytes cut from real binaries (test resources, systemd-binaries/README.md).
 */
class ManagerBinaryVersionTest {

    @TempDir Path tmp;

    @Test
    void aDebian11TreeAnswersFromItsManagerBinary() throws IOException {
        Path t = tree("debian11", "PRETTY_NAME=\"Debian GNU/Linux 11 (bullseye)\"\nID=debian\nVERSION_ID=\"11\"\n");
        Files.write(file(t, "lib/systemd/systemd"), resource("debian11-systemd-247.rodata"));
        assertThat(systemd(t)).isEqualTo("247 from /lib/systemd/systemd");
    }

    @Test
    void aDebian12TreeAnswersFromItsManagerBinary() throws IOException {
        Path t = tree("debian12", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        Files.write(file(t, "usr/lib/systemd/systemd"), resource("debian12-systemd-252.rodata"));
        assertThat(systemd(t)).isEqualTo("252 from /usr/lib/systemd/systemd");
    }

    @Test
    void aCentos7TreeAnswersFromItsManagerBinary() throws IOException {
        Path t = tree("centos7", "NAME=\"CentOS Linux\"\nVERSION=\"7 (Core)\"\nID=\"centos\"\nVERSION_ID=\"7\"\n");
        // The banner as systemd 219's src/core/main.c builds it (PACKAGE_STRING " running in %ssystem mode. ("
        // SYSTEMD_FEATURES ")"), among other read-only strings and NUL padding; no EL7 binary was at hand
        Files.write(file(t, "usr/lib/systemd/systemd"), elfLike(
                "Failed to allocate manager object: %m",
                "systemd 219 running in %suser mode for user %u/%s. (+PAM +AUDIT +SELINUX +IMA -APPARMOR +SMACK +SYSVINIT)",
                "systemd 219 running in %ssystem mode. (+PAM +AUDIT +SELINUX +IMA -APPARMOR +SMACK +SYSVINIT +UTMP "
                        + "+LIBCRYPTSETUP +GCRYPT +GNUTLS +ACL +XZ +LZ4 -SECCOMP +BLKID +ELFUTILS +KMOD +IDN)",
                "Detected virtualization %s."));
        assertThat(systemd(t)).isEqualTo("219 from /usr/lib/systemd/systemd");
    }

    @Test
    void aBinaryWithoutTheBannerLeavesTheVersionUnknownAndSaysWhereGoliveLooked() throws IOException {
        Path t = tree("other", "ID=other\n");
        // the user-mode banner, a library's version string: neither is the system manager's banner
        Files.write(file(t, "usr/lib/systemd/systemd"), elfLike("systemd 219 running in %suser mode for user %u/%s.", "libsystemd 252"));
        try (Session s = Session.open(t.toString()).profileDirs(List.of())) {
            HostFacts f = s.inspect();
            assertThat(f.systemd().version().known()).isFalse();
            assertThat(f.systemd().version().describe()).contains("start-up banner in /usr/lib/systemd/systemd or /lib/systemd/systemd");
        }
    }

    private Path tree(String name, String osRelease) throws IOException {
        Path t = tmp.resolve(name);
        Files.createDirectories(t.resolve("proc"));
        Files.createDirectories(t.resolve("sys"));
        Files.createDirectories(t.resolve("etc/systemd/system"));
        Files.writeString(file(t, "etc/os-release"), osRelease);
        return t;
    }

    private static Path file(Path tree, String rel) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        return p;
    }

    /** Strings as a linker lays them out in .rodata: NUL-terminated, after an ELF magic and some binary noise. */
    private static byte[] elfLike(String... strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        for (int i = 0; i < 256; i++) out.write(i);
        for (String s : strings) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        }
        out.writeBytes(new byte[64]);
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ManagerBinaryVersionTest.class.getResourceAsStream("/systemd-binaries/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String systemd(Path tree) {
        try (Session s = Session.open(tree.toString()).profileDirs(List.of())) {
            HostFacts f = s.inspect();
            return f.systemd().version().opt().orElseThrow() + " from " + f.systemd().version().src().orElseThrow().describe();
        }
    }
}
