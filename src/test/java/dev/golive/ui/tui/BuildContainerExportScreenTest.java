package dev.golive.ui.tui;

import dev.golive.ui.cli.Cli;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * x on the Build screen: the Unit screen's service as a Dockerfile whose build stage builds the
 * checked target from the module dir typed here; the same file `golive export` writes.
 */
class BuildContainerExportScreenTest {

    private static final String FIXTURE = "src/test/resources/hosts/debian12-vm";
    private static final String HELLO = "src/test/resources/gomod/hello";

    @TempDir Path tmp;

    @Test
    void theCheckedTargetAndModuleMakeTheSameDockerfileAsTheCommandLine() throws Exception {
        Path df = tmp.resolve("tui/Dockerfile");
        Files.createDirectories(df.getParent());
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            tui.press("7", "m").type(HELLO).press("enter");
            // the host default (amd64/v3) is checked; check arm64 instead
            tui.press("space", "j", "j", "j", "space", "x");
            tui.matchesGolden("build-export-container-debian12-vm-80x24");
            tui.press("ctrl-u").type(df.toString()).press("enter");
            assertThat(tui.text()).as("the module is the Build screen's: not asked again").contains("Version to stamp")
                    .contains("Not in the Dockerfile: dynamic user (a systemd unit setting).");
            tui.type("1.4.2").press("enter");
            assertThat(tui.text()).contains("wrote " + df + " and ");
        }
        Path cli = tmp.resolve("cli/Dockerfile");
        Files.createDirectories(cli.getParent());
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("export", "--format", "dockerfile", "--service", "api", "--exec", "/usr/local/bin/api",
                "--port", "8080", "--go-mod", HELLO, "--target", "linux/arm64", "--version", "1.4.2", "--root", FIXTURE, "-o", cli.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(df)).contains("GOARCH=arm64").isEqualTo(Files.readString(cli));
        assertThat(Files.readString(df.resolveSibling(".dockerignore"))).isEqualTo(Files.readString(cli.resolveSibling(".dockerignore")));
    }

    @Test
    void withTwoTargetsCheckedXSaysWhyItIsOff() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            tui.press("7", "m").type(HELLO).press("enter", "j", "space", "x");
            assertThat(tui.text()).contains("check just one target: the build stage builds one");
            assertThat(tui.app.dialog()).isEmpty();
        }
    }
}
