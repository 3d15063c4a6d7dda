package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.apply.PlanCodec;
import dev.golive.model.FileChange;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance of a template unit (syncthing@root.service from the package's
 * syncthing@.service): unit, plan and apply find the template as check and inspect do, and
 * golive extends the instance with a drop-in instead of writing a unit that would shadow it.
 */
class TemplateUnitTest {

    @TempDir Path tmp;

    private static final String TEMPLATE = """
            [Unit]
            Description=Syncthing - Open Source Continuous File Synchronization for %I
            After=network.target

            [Service]
            User=%i
            ExecStart=/usr/bin/syncthing serve --no-browser --no-restart --logflags=0
            Restart=on-failure
            RestartSec=1

            [Install]
            WantedBy=multi-user.target
            """;

    private Path tree() throws IOException {
        Path tree = tmp.resolve("host");
        dev.golive.host.Fixtures.copyTree(Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts/debian12-vm"), tree);
        Files.delete(tree.resolve("golive-capture.json"));
        Path t = tree.resolve("usr/lib/systemd/system/syncthing@.service");
        Files.createDirectories(t.getParent());
        Files.writeString(t, TEMPLATE);
        return tree;
    }

    private static String run(Object command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(out + "\n" + err).isEqualTo(0);
        return out.toString();
    }

    @Test
    void anInstanceOfAPackagedTemplateGetsADropInInUnitPlanAndApply() throws IOException {
        Path tree = tree();
        String root = tree.toString();
        String unit = run(new UnitCommand(), "--root", root, "--service", "syncthing@root", "--nofile", "65536:524288", "--no-analyze");
        assertThat(unit).startsWith("# /etc/systemd/system/syncthing@root.service.d/60-golive.conf (create: drop-in on /usr/lib/systemd/system/syncthing@.service")
                .contains("LimitNOFILE=65536:524288").doesNotContain("ExecStart");

        Plan plan = PlanCodec.fromJson("plan.json", run(new PlanCommand(), "--root", root, "--profile", Session.NO_PROFILE,
                "--service", "syncthing@root", "--nofile", "65536:524288", "--json"));
        assertThat(plan.files()).extracting(FileChange::path).containsExactly("/etc/systemd/system/syncthing@root.service.d/60-golive.conf");

        run(new ApplyCommand(), "--root", root, "--profile", Session.NO_PROFILE, "--service", "syncthing@root", "--nofile", "65536:524288", "--yes");
        assertThat(tree.resolve("etc/systemd/system/syncthing@root.service.d/60-golive.conf")).content().contains("LimitNOFILE=65536:524288");
        assertThat(tree.resolve("etc/systemd/system/syncthing@root.service")).as("no unit shadowing the packaged template").doesNotExist();
        assertThat(tree.resolve("usr/lib/systemd/system/syncthing@.service")).content().isEqualTo(TEMPLATE);
    }

    @Test
    void nothingAskedOfAnInstancePlansNothing() throws IOException {
        Plan plan = PlanCodec.fromJson("plan.json", run(new PlanCommand(), "--root", tree().toString(), "--profile", Session.NO_PROFILE,
                "--service", "syncthing@root", "--json"));
        assertThat(plan.files()).isEmpty();
    }
}
