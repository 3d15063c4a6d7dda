package dev.golive.unit;

import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is on a host tree today decides between a new unit, a re-edit and a drop-in. */
class CurrentUnitFilesTest {

    @TempDir Path tree;

    DirectoryHostRoot root() { return new DirectoryHostRoot(tree, false, tree.toString(), new AccessLog()); }

    void write(String path, String content) throws IOException {
        Path p = tree.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void nothingThereMeansANewUnit() {
        CurrentUnitFiles c = CurrentUnitFiles.read(root(), "app.service");
        assertThat(c).isEqualTo(CurrentUnitFiles.none("app.service"));
    }

    @Test
    void theFirstVendorUnitDownTheSearchPathIsTheBase() throws IOException {
        write("/lib/systemd/system/app.service", "[Service]\nExecStart=/bin/old\n");
        write("/usr/lib/systemd/system/app.service", "[Service]\nExecStart=/bin/new\n");
        CurrentUnitFiles c = CurrentUnitFiles.read(root(), "app.service");
        assertThat(c.vendorUnit().map(CurrentUnitFiles.Located::path)).contains("/usr/lib/systemd/system/app.service");
        UnitPreview p = new dev.golive.app.ServiceUnits(root(), false).preview(UnitHosts.debian12(), Specs.app().exec(null).build(), Optional.empty(), UnaryOperator.identity(), "p", Optional.empty());
        assertThat(p.unit().kind()).isEqualTo(RenderedUnit.Kind.DROP_IN);
    }

    @Test
    void aMaskedUnitIsRefused() throws IOException {
        Files.createDirectories(tree.resolve("etc/systemd/system"));
        Files.createSymbolicLink(tree.resolve("etc/systemd/system/app.service"), Path.of("/dev/null"));
        assertThatThrownBy(() -> new dev.golive.app.ServiceUnits(root(), false).preview(UnitHosts.debian12(), Specs.app().build(), Optional.empty(), UnaryOperator.identity(), "p", Optional.empty()))
                .hasMessage("name: app.service is masked (/etc/systemd/system/app.service → /dev/null); unmask it first");
    }

    @Test
    void golivesOwnUnitAndDropInAreRead() throws IOException {
        write("/etc/systemd/system/app.service", "# Managed by golive (snapshot a). Edit with golive, or roll back with:\n#   golive rollback a\n[Service]\nExecStart=/bin/x\n");
        write("/etc/systemd/system/app.service.d/60-golive.conf", "# Managed by golive (snapshot a).\n[Service]\nNice=1\n");
        CurrentUnitFiles c = CurrentUnitFiles.read(root(), "app.service");
        assertThat(c.etcUnit()).isPresent();
        assertThat(c.dropIn()).isPresent();
        UnitPreview p = new dev.golive.app.ServiceUnits(root(), false).preview(UnitHosts.debian12(), Specs.app().exec("/bin/x").build(), Optional.empty(), UnaryOperator.identity(), "b", Optional.empty());
        assertThat(p.unit().kind()).isEqualTo(RenderedUnit.Kind.UNIT);
        assertThat(p.unit().content()).startsWith("# Managed by golive (snapshot b).");
    }
}
