package dev.golive.host;

import dev.golive.inspect.Inspector;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive capture` on a CentOS 7 host where systemctl does not answer: golive reads systemd's
 * version from the start-up banner in the 2 MB manager binary. The capture keeps that banner,
 * not the binary, and `inspect --root CAPTURE` reads the same version from it.
 */
class ManagerBannerCaptureTest {

    static final String BANNER = "systemd 219 running in %ssystem mode. (+PAM +AUDIT +SELINUX +IMA -APPARMOR +SMACK +SYSVINIT +UTMP "
            + "+LIBCRYPTSETUP +GCRYPT +GNUTLS +ACL +XZ +LZ4 -SECCOMP +BLKID +ELFUTILS +KMOD +IDN)";

    /** Every command is missing: systemctl cannot tell the version. */
    static final CommandRunner NOTHING_RUNS = new CommandRunner() {
        @Override public CommandResult run(List<String> argv, Duration timeout) { return CommandResult.failed(argv, ProcessCommandRunner.NOT_FOUND); }
        @Override public boolean startsProcesses() { return true; }
    };

    @Test
    void theCaptureKeepsTheBannerNotTheBinaryAndReadsTheSameVersion(@TempDir Path tmp) throws IOException {
        Path host = tmp.resolve("centos7");
        Files.createDirectories(host.resolve("etc/systemd/system"));
        Files.writeString(host.resolve("etc/os-release"), "NAME=\"CentOS Linux\"\nID=\"centos\"\nVERSION_ID=\"7\"\n");
        Files.createDirectories(host.resolve("usr/lib/systemd"));
        Files.write(host.resolve("usr/lib/systemd/systemd"), managerBinary());

        AccessLog log = new AccessLog();
        DirectoryHostRoot live = new DirectoryHostRoot(host, false, "centos7", log);
        RecordingCommandRunner rec = new RecordingCommandRunner(NOTHING_RUNS);
        HostFacts before = Inspector.inspect(live, rec, Inspector.Options.defaults());
        assertThat(before.systemd().version().opt()).contains(219);

        Path out = tmp.resolve("cap");
        CaptureWriter.writeTo(live, log, rec, "2026-01-01T00:00:00Z", "el7", "x86_64", "3.10.0-1160.el7.x86_64", out);
        Path captured = out.resolve("usr/lib/systemd/systemd");
        assertThat(Files.readString(captured, StandardCharsets.ISO_8859_1)).isEqualTo(BANNER.substring(0, BANNER.indexOf(" mode") + 5));

        HostFacts after;
        try (RootSpec cap = RootSpec.open(out.toString(), new AccessLog())) {
            after = Inspector.inspect(cap.root(), cap.runner(), Inspector.Options.defaults());
        }
        assertThat(after.systemd()).isEqualTo(before.systemd());
        assertThat(after.fds()).isEqualTo(before.fds());
    }

    @Test
    void aCapturesOpenFilesLimitIsNamedAsTheCapturingProcesssNotGolives() {
        try (RootSpec cap = RootSpec.open(Fixtures.dir("debian12-vm").toString(), new AccessLog())) {
            HostFacts f = Inspector.inspect(cap.root(), cap.runner(), Inspector.Options.defaults());
            String text = dev.golive.report.InspectText.render(f, dev.golive.report.Style.PLAIN);
            assertThat(text).contains("nofile (capturing process)").doesNotContain("nofile (golive)");
        }
    }

    /** About 2 MB, as EL7's manager binary: an ELF magic, binary data, the banner among read-only strings. */
    static byte[] managerBinary() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        for (int i = 0; i < 1_000_000; i++) b.write(i * 31);
        for (String s : List.of("Failed to allocate manager object: %m", "systemd 219 running in %suser mode for user %u/%s.", BANNER)) {
            b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            b.write(0);
        }
        b.writeBytes(new byte[1_000_000]);
        return b.toByteArray();
    }
}
