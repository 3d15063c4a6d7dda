package dev.golive.ui.tui;

import dev.golive.app.Session;
import dev.golive.apply.PlanCodec;
import dev.golive.model.FileChange;
import dev.golive.model.Plan;
import dev.golive.ui.cli.ExportCommand;
import dev.golive.ui.cli.PlanCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same service asked for through the CLI (`golive plan` with unit options), the TUI's
 * Unit form and `golive export` gives the same unit, byte for byte: every front end goes
 * through the app layer's one derivation.
 */
class OneServicePathTest {

    private static final String[] SERVICE = {"--service", "app", "--exec", "/usr/local/bin/app", "--user", "api", "--port", "8080",
            "--cpu-quota", "200%", "--memory-max", "1G"};

    private static String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(out + "\n" + err).isEqualTo(0);
        return out.toString();
    }

    private static String[] args(String tree, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--root", tree, "--profile", Session.NO_PROFILE, "--id", "same"));
        a.addAll(List.of(SERVICE));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static FileChange unit(Plan p) {
        return p.files().stream().filter(f -> f.path().equals("/etc/systemd/system/app.service")).findFirst().orElseThrow();
    }

    @Test
    void theSameNewServiceThroughCliTuiAndExportIsTheSameUnit() {
        String tree = TuiDriver.targetTree("debian12-vm");
        // golive plan --service app --exec … (a new service installed from the command line)
        Plan cli = PlanCodec.fromJson("plan.json", run(new PlanCommand(), args(tree, "--json")));
        String unit = unit(cli).after().orElseThrow();
        assertThat(unit).contains("ExecStart=/usr/local/bin/app", "CPUQuota=200%", "MemoryLimit=1G", "User=api", "GOMEMLIMIT=921MiB");

        // the TUI: the Unit form filled in the same way, then p
        try (Session s = Session.open(tree)) {
            UnitForm form = new UnitForm();
            form.newUnit("app");
            form.order.stream().filter(f -> f.label.equals("CPUQuota")).findFirst().orElseThrow().text = "200%";
            form.order.stream().filter(f -> f.label.equals("MemoryMax")).findFirst().orElseThrow().text = "1G";
            form.order.stream().filter(f -> f.label.equals("dynamic user")).findFirst().orElseThrow().text = "no";
            form.order.stream().filter(f -> f.label.equals("user")).findFirst().orElseThrow().text = "api";
            HostModel m = new HostModel(s, tree, false).planIds(() -> "same");
            m.chooseProfile(Session.NO_PROFILE);
            m.service(form.spec());
            assertThat(unit(m.buildPlan()).after()).contains(unit);
            // the guide hands its spec to the same call
            assertThat(unit(new dev.golive.ui.shell.SessionGuideBackend(s, Optional.empty()).plan(Session.NO_PROFILE,
                    Optional.of(form.spec()), List.of())).after().orElseThrow()).endsWith(unit.substring(unit.indexOf("\n[Unit]")));
        }

        // golive export: the script writes exactly that file
        String script = run(new ExportCommand(), args(tree, "--format", "shell"));
        for (String line : unit.split("\n")) assertThat(script).contains(line);
    }

    @Test
    void applyInstallsANewServiceFromASpecFileAsGoliveUnitRendersIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        String tree = TuiDriver.targetTree("arm64-server");
        String spec = java.nio.file.Files.writeString(tmp.resolve("orders.yaml"), """
                name: orders
                exec: /usr/local/bin/orders
                args: [--listen, ":443", --log-level, info]
                user: orders
                resources:
                  memoryMax: 2G
                """).toString();
        String preview = run(new dev.golive.ui.cli.UnitCommand(), "--root", tree, "--spec", spec, "--no-analyze", "--plan-id", "p");
        run(new dev.golive.ui.cli.ApplyCommand(), "--root", tree, "--profile", Session.NO_PROFILE, "--spec", spec, "--yes");
        String written = java.nio.file.Files.readString(java.nio.file.Path.of(tree, "etc/systemd/system/orders.service"));
        String body = written.substring(written.indexOf("\n[Unit]"));
        assertThat(preview).as("golive unit showed exactly what apply wrote").contains(body.strip());
        assertThat(body).contains("ExecStart=/usr/local/bin/orders --listen :443 --log-level info", "User=orders", "MemoryLimit=2G");
    }
}
