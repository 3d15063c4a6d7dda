package dev.golive.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.app.Session;
import dev.golive.host.Tar;
import dev.golive.model.OwnedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Why does staging behave differently": golive diff on fixture hosts and on a host changed by golive. */
class HostDiffTest {

    @TempDir static Path tmp;
    static Path original;
    static Path changed;

    /** debian12-vm after an apply: somaxconn raised live and in golive's drop-in, and a drop-in on api.service. */
    @BeforeAll
    static void changedCopyOfAFixture() throws IOException {
        original = ReportFixtures.host("debian12-vm");
        changed = tmp.resolve("debian12-vm-applied");
        dev.golive.host.Fixtures.copyTree(original, changed);
        Files.writeString(changed.resolve("proc/sys/net/core/somaxconn"), "16384\n");
        Files.writeString(changed.resolve("etc/sysctl.d/60-golive.conf"), OwnedFiles.header("20260101-120000-ab12") + "net.core.somaxconn = 16384\n");
        Path dropIn = changed.resolve("etc/systemd/system/api.service.d/60-golive.conf");
        Files.createDirectories(dropIn.getParent());
        Files.writeString(dropIn, OwnedFiles.header("20260101-120000-ab12") + "[Service]\nLimitNOFILE=65536\n");
    }

    @Test
    void aHostComparedWithItselfHasNoDifferences() {
        HostDiff d = Session.diff(original.toString(), original.toString());
        assertThat(d.identical()).isTrue();
        assertThat(HostDiffText.render(d, Style.PLAIN)).endsWith("\nno differences\n");
    }

    @Test
    void aCaptureArchiveReadsTheSameAsItsDirectory() throws IOException {
        Path archive = tmp.resolve("debian12-vm.tar.gz");
        Tar.create(original, archive);
        HostDiff d = Session.diff(original.toString(), archive.toString());
        assertThat(d.facts()).isEmpty();
        assertThat(d.identical()).isTrue();
        assertThat(d.b().spec()).isEqualTo(archive.toString());
    }

    @Test
    void aChangedSysctlShowsBothValuesWithTheirSources() {
        HostDiff d = Session.diff(original.toString(), changed.toString());
        assertThat(d.facts()).contains(
                new HostDiff.FactDiff("sysctls.byKey[net.core.somaxconn].live", "8192", Optional.of("/proc/sys/net/core/somaxconn"),
                        "16384", Optional.of("/proc/sys/net/core/somaxconn")),
                new HostDiff.FactDiff("sysctls.byKey[net.core.somaxconn].configured.value", "8192", Optional.of("/etc/sysctl.d/60-custom.conf:2"),
                        "16384", Optional.of("/etc/sysctl.d/60-golive.conf:3")));
        // the new drop-in shows where the unit's drop-ins are listed
        assertThat(d.facts()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("systemd.serviceUnits[api.service].dropIns");
            assertThat(f.b()).contains("/etc/systemd/system/api.service.d/60-golive.conf");
        });
        // nothing else about the host changed: no CPU, memory or OS paths
        assertThat(d.facts()).allSatisfy(f -> assertThat(f.path()).matches("(sysctls|systemd\\.serviceUnits)[.\\[].*"));
    }

    @Test
    void ownedFilesAreComparedByContent() {
        HostDiff d = Session.diff(original.toString(), changed.toString());
        assertThat(d.files()).extracting(HostDiff.FileDiff::path, HostDiff.FileDiff::status).contains(
                org.assertj.core.groups.Tuple.tuple("/etc/sysctl.d/60-golive.conf", HostDiff.FileDiff.Status.ONLY_IN_B),
                org.assertj.core.groups.Tuple.tuple("/etc/systemd/system/api.service.d/60-golive.conf", HostDiff.FileDiff.Status.ONLY_IN_B),
                org.assertj.core.groups.Tuple.tuple("/etc/systemd/system.conf.d/60-golive.conf", HostDiff.FileDiff.Status.SAME));
        HostDiff.FileDiff sysctl = d.files().stream().filter(f -> f.path().equals(OwnedFiles.SYSCTL_DROPIN)).findFirst().orElseThrow();
        assertThat(sysctl.diff()).startsWith("--- /dev/null\n+++ b/etc/sysctl.d/60-golive.conf\n@@ -0,0 +1,3 @@\n")
                .endsWith("+net.core.somaxconn = 16384\n");
        // tmpfiles.d is not read by inspect, so a capture cannot say whether golive's file is there
        assertThat(d.files()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo(OwnedFiles.TMPFILES_DROPIN);
            assertThat(f.status()).isEqualTo(HostDiff.FileDiff.Status.UNKNOWN);
            assertThat(f.note()).hasValue("A: /etc/tmpfiles.d/60-golive.conf: not in capture");
        });
        // the reverse direction: the same files only in A, with the lines removed
        HostDiff back = Session.diff(changed.toString(), original.toString());
        HostDiff.FileDiff rev = back.files().stream().filter(f -> f.path().equals(OwnedFiles.SYSCTL_DROPIN)).findFirst().orElseThrow();
        assertThat(rev.status()).isEqualTo(HostDiff.FileDiff.Status.ONLY_IN_A);
        assertThat(rev.diff()).contains("-net.core.somaxconn = 16384\n");
    }

    /** The same pair with syncookies off on both: then the SYN backlog finding names each host's somaxconn. */
    static Path cookiesOff(Path from) throws IOException {
        Path to = tmp.resolve("cookies-off-" + from.getFileName());
        if (Files.exists(to)) return to;
        dev.golive.host.Fixtures.copyTree(from, to);
        Files.writeString(to.resolve("proc/sys/net/ipv4/tcp_syncookies"), "0\n");
        return to;
    }

    @Test
    void findingsThatDependOnTheChangedValueShowBothMessages() throws IOException {
        HostDiff d = Session.diff(cookiesOff(original).toString(), cookiesOff(changed).toString());
        assertThat(d.changedFindings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("NET-SYN-BACKLOG-LOW");
            assertThat(f.messageA()).contains("somaxconn 8192");
            assertThat(f.messageB()).contains("somaxconn 16384");
        });
    }

    @Test
    void twoDifferentHostsDifferInKernelCgroupsAndFindings() {
        HostDiff d = Session.diff(ReportFixtures.host("debian12-vm").toString(), ReportFixtures.host("centos7-v1").toString());
        assertThat(d.facts()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("os.kernelRelease");
            assertThat(f.a()).isEqualTo("6.1.0-18-amd64");
            assertThat(f.sourceA()).hasValue("/proc/sys/kernel/osrelease");
            assertThat(f.b()).startsWith("3.10.0");
        });
        assertThat(d.facts()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("cgroups.mode");
            assertThat(f.a()).isEqualTo("V2");
            assertThat(f.b()).isEqualTo("V1");
        });
        assertThat(d.onlyInB()).extracting(HostDiff.FindingRef::id).contains("CG-V1-OR-HYBRID");
        String text = HostDiffText.render(d, Style.PLAIN);
        assertThat(text).contains("  os.kernelRelease\n    A  6.1.0-18-amd64  /proc/sys/kernel/osrelease\n    B  3.10.0");
        assertThat(text).containsPattern("only in B  CG-V1-OR-HYBRID \\[warn\\]");
    }

    @Test
    void listElementsAreMatchedByNameAndOneSidedOnesAreOneLine() {
        HostDiff d = Session.diff(ReportFixtures.host("debian12-vm").toString(), ReportFixtures.host("ubuntu2004-hybrid").toString());
        // a sysctl file only debian12-vm has: the key appears once, not once per field
        assertThat(d.facts()).filteredOn(f -> f.path().startsWith("sysctls.byKey[fs.protected_fifos]"))
                .singleElement().satisfies(f -> {
                    assertThat(f.path()).isEqualTo("sysctls.byKey[fs.protected_fifos]");
                    assertThat(f.a()).isEqualTo("present");
                    assertThat(f.b()).isEqualTo("absent");
                });
        // a key both set, to different values in different files: compared by key, with both files
        assertThat(d.facts()).contains(new HostDiff.FactDiff("sysctls.byKey[net.ipv4.tcp_fin_timeout].configured.value",
                "30", Optional.of("/etc/sysctl.d/60-custom.conf:3"), "15", Optional.of("/etc/sysctl.d/99-web-tuning.conf:2")));
        // a unit only one host has: one line; no index shift for the units after it
        assertThat(d.facts()).extracting(HostDiff.FactDiff::path).contains("systemd.serviceUnits[nginx.service]")
                .noneMatch(p -> p.startsWith("systemd.serviceUnits[nginx.service]."));
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws Exception {
        JsonNode j = new ObjectMapper().readTree(HostDiffJson.render(Session.diff(cookiesOff(original).toString(), cookiesOff(changed).toString())));
        assertThat(ReviewTest.names(j)).containsExactly("schema", "kind", "identical", "a", "b", "facts", "onlyInA", "onlyInB",
                "changedFindings", "files");
        assertThat(j.get("identical").asBoolean()).isFalse();
        assertThat(ReviewTest.names(j.get("a"))).containsExactly("spec", "root", "hostname", "capturedAt");
        assertThat(ReviewTest.names(j.at("/facts/0"))).containsExactly("path", "a", "sourceA", "b", "sourceB");
        assertThat(ReviewTest.names(j.at("/changedFindings/0"))).containsExactly("id", "severity", "messageA", "messageB");
        assertThat(ReviewTest.names(j.at("/files/0"))).containsExactly("path", "status", "diff", "note");
    }

}
