package dev.golive.config;

import dev.golive.model.GoliveException;
import dev.golive.model.UnitDirective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitResolverTest {

    @TempDir Path tmp;

    private static final String VENDOR = """
            [Unit]
            Description=Vendor app
            After=network.target

            [Service]
            Type=simple
            ExecStart=/usr/bin/app --vendor
            Environment=A=1
            LimitNOFILE=1024
            """;

    private static List<String> lines(UnitResolver.Resolution r) {
        return r.directives().stream().map(UnitResolverTest::line).toList();
    }

    private static String line(UnitDirective d) {
        return d.section() + "/" + d.key() + "=" + d.value() + " @" + d.source().describe();
    }

    @Test
    void vendorUnitWithEtcDropInResetsExecStartAndOverridesSingleValues() {
        HostTree h = new HostTree(tmp)
                .write("/usr/lib/systemd/system/app.service", VENDOR)
                .write("/etc/systemd/system/app.service.d/60-golive.conf", """
                        [Service]
                        Type=exec
                        ExecStart=
                        ExecStart=/usr/local/bin/app --golive
                        Environment=B=2
                        LimitNOFILE=65536
                        """);
        UnitResolver.Resolution r = UnitResolver.resolve(h.root, "app.service");
        assertThat(r.file()).hasValueSatisfying(f -> {
            assertThat(f.path()).isEqualTo("/usr/lib/systemd/system/app.service");
            assertThat(f.origin()).isEqualTo("/usr/lib/systemd/system");
            assertThat(f.dropIns()).containsExactly("/etc/systemd/system/app.service.d/60-golive.conf");
        });
        assertThat(lines(r)).containsExactly(
                "Unit/Description=Vendor app @/usr/lib/systemd/system/app.service:2",
                "Unit/After=network.target @/usr/lib/systemd/system/app.service:3",
                "Service/Environment=A=1 @/usr/lib/systemd/system/app.service:8",
                "Service/Type=exec @/etc/systemd/system/app.service.d/60-golive.conf:2",
                "Service/ExecStart=/usr/local/bin/app --golive @/etc/systemd/system/app.service.d/60-golive.conf:4",
                "Service/Environment=B=2 @/etc/systemd/system/app.service.d/60-golive.conf:5",
                "Service/LimitNOFILE=65536 @/etc/systemd/system/app.service.d/60-golive.conf:6");
        assertThat(r.masked()).isFalse();
    }

    @Test
    void dropInsSortByNameAcrossDirectoriesAndEtcMasksRunAndVendorOfTheSameName() {
        HostTree h = new HostTree(tmp)
                .write("/usr/lib/systemd/system/app.service", VENDOR)
                .write("/usr/lib/systemd/system/app.service.d/10-vendor.conf", "[Service]\nLimitNOFILE=2048\n")
                .write("/run/systemd/system/app.service.d/50-run.conf", "[Service]\nLimitNOFILE=4096\n")
                .write("/usr/lib/systemd/system/app.service.d/50-run.conf", "[Service]\nLimitNOFILE=9999\n")
                .write("/etc/systemd/system/app.service.d/20-admin.conf", "[Service]\nUser=admin\n")
                .write("/etc/systemd/system/service.d/05-all.conf", "[Service]\nUser=everyone\n");
        UnitResolver.Resolution r = UnitResolver.resolve(h.root, "app.service");
        assertThat(r.file().orElseThrow().dropIns()).containsExactly(
                "/etc/systemd/system/service.d/05-all.conf",
                "/usr/lib/systemd/system/app.service.d/10-vendor.conf",
                "/etc/systemd/system/app.service.d/20-admin.conf",
                "/run/systemd/system/app.service.d/50-run.conf");
        assertThat(r.maskedDropIns()).containsExactly("/usr/lib/systemd/system/app.service.d/50-run.conf");
        assertThat(r.last("Service", "LimitNOFILE").map(UnitResolverTest::line))
                .hasValue("Service/LimitNOFILE=4096 @/run/systemd/system/app.service.d/50-run.conf:2");
        assertThat(r.last("Service", "User").map(UnitResolverTest::line))
                .hasValue("Service/User=admin @/etc/systemd/system/app.service.d/20-admin.conf:2");
    }

    @Test
    void aDropInLinkedToDevNullIsMaskedAndAnEmptyAssignmentRestoresTheDefault() {
        HostTree h = new HostTree(tmp)
                .write("/usr/lib/systemd/system/app.service", VENDOR)
                .write("/usr/lib/systemd/system/app.service.d/10-limits.conf", "[Service]\nLimitNOFILE=2048\n")
                .link("/etc/systemd/system/app.service.d/10-limits.conf", "/dev/null")
                .write("/etc/systemd/system/app.service.d/20-reset.conf", "[Unit]\nDescription=\nAfter=\n");
        UnitResolver.Resolution r = UnitResolver.resolve(h.root, "app.service");
        assertThat(r.file().orElseThrow().dropIns()).containsExactly("/etc/systemd/system/app.service.d/20-reset.conf");
        assertThat(r.maskedDropIns()).contains("/etc/systemd/system/app.service.d/10-limits.conf",
                "/usr/lib/systemd/system/app.service.d/10-limits.conf");
        assertThat(r.get("Unit", "Description")).isEmpty();
        assertThat(r.get("Unit", "After")).isEmpty();
        assertThat(r.last("Service", "LimitNOFILE").map(d -> d.value())).hasValue("1024");
    }

    @Test
    void aUnitLinkedToDevNullInEtcIsMasked() {
        HostTree h = new HostTree(tmp)
                .write("/usr/lib/systemd/system/app.service", VENDOR)
                .link("/etc/systemd/system/app.service", "/dev/null");
        UnitResolver.Resolution r = UnitResolver.resolve(h.root, "app.service");
        assertThat(r.masked()).isTrue();
        assertThat(r.maskedBy()).hasValue("/etc/systemd/system/app.service");
        assertThat(r.directives()).isEmpty();
    }

    @Test
    void anEtcUnitFileReplacesTheVendorOneWhole() {
        HostTree h = new HostTree(tmp)
                .write("/usr/lib/systemd/system/app.service", VENDOR)
                .write("/etc/systemd/system/app.service", "[Service]\nExecStart=/opt/app\n");
        UnitResolver.Resolution r = UnitResolver.resolve(h.root, "app.service");
        assertThat(lines(r)).containsExactly("Service/ExecStart=/opt/app @/etc/systemd/system/app.service:2");
    }

    @Test
    void mergedUsrReadsLibOnlyOnceAndTemplatesProvideInstances() {
        HostTree h = new HostTree(tmp)
                .write("/usr/lib/systemd/system/worker@.service", "[Service]\nExecStart=/usr/bin/worker %i\n")
                .write("/usr/lib/systemd/system/worker@.service.d/10-x.conf", "[Service]\nNice=5\n")
                .write("/etc/systemd/system/worker@a.service.d/20-y.conf", "[Service]\nNice=1\n")
                .link("/lib", "usr/lib");
        assertThat(UnitResolver.searchDirs(h.root)).doesNotContain("/lib/systemd/system").contains("/usr/lib/systemd/system");
        UnitResolver.Resolution r = UnitResolver.resolve(h.root, "worker@a.service");
        assertThat(r.file().orElseThrow().path()).isEqualTo("/usr/lib/systemd/system/worker@.service");
        assertThat(r.file().orElseThrow().dropIns()).containsExactly(
                "/usr/lib/systemd/system/worker@.service.d/10-x.conf", "/etc/systemd/system/worker@a.service.d/20-y.conf");
        assertThat(lines(r)).containsExactly(
                "Service/ExecStart=/usr/bin/worker %i @/usr/lib/systemd/system/worker@.service:2",
                "Service/Nice=1 @/etc/systemd/system/worker@a.service.d/20-y.conf:2");
    }

    @Test
    void withoutMergedUsrBothLibDirectoriesAreSearched() {
        HostTree h = new HostTree(tmp).write("/lib/systemd/system/old.service", "[Service]\nExecStart=/bin/old\n");
        assertThat(UnitResolver.searchDirs(h.root)).contains("/lib/systemd/system", "/usr/lib/systemd/system");
        assertThat(UnitResolver.resolve(h.root, "old.service").file().orElseThrow().origin()).isEqualTo("/lib/systemd/system");
    }

    @Test
    void dashPrefixDropInsApply() {
        assertThat(UnitResolver.dropInDirNames("foo-bar-baz.service")).containsExactly(
                "foo-bar-baz.service.d", "foo-bar-.service.d", "foo-.service.d", "service.d");
    }

    @Test
    void aMissingUnitIsNotFoundAndSyntaxProblemsAreReported() {
        HostTree h = new HostTree(tmp).write("/etc/systemd/system/ghost.service.d/x.conf", "[Service]\nbroken line\n");
        UnitResolver.Resolution r = UnitResolver.resolve(h.root, "ghost.service");
        assertThat(r.found()).isFalse();
        assertThat(r.problems()).extracting(SystemdIni.Problem::describe).containsExactly(
                "/etc/systemd/system/ghost.service.d/x.conf:2:1: missing '=' (expected Key=Value): \"broken line\"");
    }

    @Test
    void unitNamesAreCheckedBeforeAnyPathIsBuilt() {
        HostTree h = new HostTree(tmp);
        assertThatThrownBy(() -> UnitResolver.resolve(h.root, "../../etc/passwd.service"))
                .isInstanceOf(GoliveException.class).hasMessage("invalid unit name \"../../etc/passwd.service\": contains '/'");
    }
}
