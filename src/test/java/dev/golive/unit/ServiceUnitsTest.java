package dev.golive.unit;

import dev.golive.app.Session;
import dev.golive.build.RealGo;
import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.host.Executables;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.Plan;
import dev.golive.model.ServiceSpec;
import dev.golive.plan.OwnedFileState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's seam: `golive plan --service` gets golive's unit files from the renderer. */
class ServiceUnitsTest {

    @Test
    void planningForTheAdminsApiUnitGivesADropInBesideIt() {
        try (Session s = Session.open(UnitHosts.dir("debian12-vm").toString())) {
            Plan p = s.plan("web-api", Optional.of("api"), List.of(), "20261123-1");
            FileChange dropIn = p.files().stream().filter(f -> f.path().contains("api.service")).findFirst().orElseThrow();
            assertThat(dropIn.path()).isEqualTo("/etc/systemd/system/api.service.d/60-golive.conf");
            assertThat(dropIn.kind()).isEqualTo(FileChange.Kind.CREATE);
            assertThat(dropIn.why()).startsWith("drop-in on /etc/systemd/system/api.service (golive never edits a unit it did not write)\n")
                    .contains("\napi.service is not golive's unit: golive adds no sandboxing, restart policy or task limit to it (only with --tighten)");
            assertThat(p.files()).noneMatch(f -> f.path().equals("/etc/systemd/system/api.service"));
        }
    }

    @Test
    void aNewUnitInATargetTreeReadsTheRealGoBinaryForItsRuntimeValues(@TempDir Path tree) throws IOException {
        RealGo.require();
        Path gofmt = Path.of(Executables.onPath("gofmt").opt().orElseThrow()).toRealPath();
        Path bin = tree.resolve("usr/local/bin/app");
        Files.createDirectories(bin.getParent());
        Files.copy(gofmt, bin);
        DirectoryHostRoot root = new DirectoryHostRoot(tree, false, tree.toString(), new AccessLog());
        ServiceSpec spec = Specs.app().cpuQuota("200%").memoryMax("1G").build();
        List<FileChange> files = new dev.golive.app.ServiceUnits(root, false).files(GoRuntimeDerivationTest.withCpus(UnitHosts.debian12(), 16), spec,
                List.of(new FixChange.UnitDirectiveChange("Service", "LimitNOFILE", "524288")),
                Map.of("/etc/systemd/system/app.service", OwnedFileState.absent("/etc/systemd/system/app.service")), "p1");
        assertThat(files).hasSize(1);
        String unit = files.get(0).after().orElseThrow();
        assertThat(unit).contains("Environment=GOMAXPROCS=2\n", "Environment=GOMEMLIMIT=921MiB\n", "LimitNOFILE=524288\n");
    }

    @Test
    void aDropInTakesTheGoVersionFromTheBinaryTheExistingUnitStarts(@TempDir Path tree) throws IOException {
        RealGo.require();
        Path gofmt = Path.of(Executables.onPath("gofmt").opt().orElseThrow()).toRealPath();
        Path bin = tree.resolve("opt/vendor/bin/server");
        Files.createDirectories(bin.getParent());
        Files.copy(gofmt, bin);
        Path vendor = tree.resolve("usr/lib/systemd/system/app.service");
        Files.createDirectories(vendor.getParent());
        Files.writeString(vendor, "[Service]\nExecStart=-/opt/vendor/bin/server --port 80\n");
        DirectoryHostRoot root = new DirectoryHostRoot(tree, false, tree.toString(), new AccessLog());
        ServiceSpec spec = Specs.app().exec(null).cpuQuota("300%").build();
        String dropIn = new dev.golive.app.ServiceUnits(root, false).files(GoRuntimeDerivationTest.withCpus(UnitHosts.debian12(), 16), spec, List.of(),
                Map.of(), "p1").get(0).after().orElseThrow();
        assertThat(dropIn).contains("Environment=GOMAXPROCS=3\n").doesNotContain("ExecStart");
        UnitPreview p = new dev.golive.app.ServiceUnits(root, false).preview(GoRuntimeDerivationTest.withCpus(UnitHosts.debian12(), 16), spec, Optional.empty(),
                java.util.function.UnaryOperator.identity(), "p1", Optional.empty());
        assertThat(p.unit().go().gomaxprocs().why()).startsWith("go1.").contains("ignores CPU quotas");
    }

    @Test
    void onTheLiveHostAMissingBinaryStillRendersTheUnitForTheEditorButStopsThePlan(@TempDir Path tree) {
        // a root that says it is the live host, without the service's binary
        DirectoryHostRoot live = new DirectoryHostRoot(tree, true, "/", new AccessLog());
        ServiceSpec spec = Specs.app().build();
        String missing = "exec: /usr/local/bin/app does not exist on this host (Type=exec would fail every start)";
        UnitPreview p = new dev.golive.app.ServiceUnits(live, false).preview(UnitHosts.debian12(), spec, Optional.empty(),
                java.util.function.UnaryOperator.identity(), "p1", Optional.empty());
        assertThat(p.unit().content()).contains("ExecStart=/usr/local/bin/app");
        assertThat(p.check().errors()).containsExactly(missing);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.golive.app.ServiceUnits(live, false).files(UnitHosts.debian12(), spec,
                        List.of(), Map.of(), "p1"))
                .isInstanceOf(dev.golive.model.GoliveException.class)
                .hasMessage(missing);
    }

    @Test
    void aNameThatWouldEscapeTheRootIsBadInputBeforeAnyPathIsBuilt(@TempDir Path tree) {
        DirectoryHostRoot root = new DirectoryHostRoot(tree, false, tree.toString(), new AccessLog());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.golive.app.ServiceUnits(root, false).files(UnitHosts.debian12(),
                        Specs.app().name("../../etc/passwd").build(), List.of(), Map.of(), "p1"))
                .isInstanceOf(dev.golive.model.GoliveException.class)
                .hasMessage("name: invalid unit name \"../../etc/passwd.service\": contains '/'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.golive.app.ServiceUnits(root, false).preview(UnitHosts.debian12(),
                        Specs.app().exec("/usr/../bin/app").build(), Optional.empty(), java.util.function.UnaryOperator.identity(), "p1", Optional.empty()))
                .isInstanceOf(dev.golive.model.GoliveException.class)
                .hasMessage("exec: \"/usr/../bin/app\" is not a normalized path to a file");
    }
}
