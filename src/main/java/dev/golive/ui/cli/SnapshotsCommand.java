package dev.golive.ui.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.golive.apply.Manifest;
import dev.golive.apply.SnapshotView;
import dev.golive.app.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "snapshots", mixinStandardHelpOptions = true,
        description = "List the snapshots golive took before each apply (oldest first), show one, prune old ones, or read the audit trail.",
        subcommands = {SnapshotsCommand.Show.class, SnapshotsCommand.Prune.class, SnapshotsCommand.Log.class})
public final class SnapshotsCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: [{id, state, createdAt, updatedAt, profile, service, files, live, failure}].")
    boolean json;

    static Function<String, Session> sessions = Session::open;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Session s = sessions.apply(common.root)) {
            List<Manifest> all = s.snapshots();
            if (json) out.print(json(all));
            else if (all.isEmpty()) out.println("no snapshots");
            else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"ID", "STATE", "CREATED", "FILES", "LIVE", "PROFILE"});
                all.forEach(m -> rows.add(SnapshotView.row(m)));
                int[] w = new int[6];
                for (String[] r : rows) for (int i = 0; i < 6; i++) w[i] = Math.max(w[i], r[i].length());
                for (String[] r : rows) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < 6; i++) b.append(i == 5 ? r[i] : String.format("%-" + (w[i] + 2) + "s", r[i]));
                    out.println(b.toString().stripTrailing());
                }
            }
            out.flush();
            return 0;
        }
    }

    static String json(List<Manifest> all) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartArray();
            for (Manifest m : all) {
                g.writeStartObject();
                g.writeStringField("id", m.id());
                g.writeStringField("state", m.state().text());
                g.writeStringField("createdAt", m.createdAt().toString());
                g.writeStringField("updatedAt", m.updatedAt().toString());
                g.writeStringField("profile", m.plan().profile());
                g.writeStringField("service", m.plan().service().orElse(null));
                g.writeNumberField("files", m.files().size());
                g.writeNumberField("live", m.live().size());
                g.writeStringField("failure", m.failure().orElse(null));
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw + "\n";
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "What one snapshot changed: file diffs, live values old → new.")
    static final class Show implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;

        @Override public Integer call() {
            try (Session s = sessions.apply(common.root)) {
                spec.commandLine().getOut().print(s.snapshotDiff(id));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Delete all but the N newest finished snapshots (an unfinished one is always kept for recover, and not counted).",
            footer = {"", "Exit codes: 0 pruned (or nothing to prune), 3 not root, or the host is locked (an apply, rollback or recover runs)."})
    static final class Prune implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;
        @Option(names = "--keep", paramLabel = "N", required = true, description = "How many of the newest to keep.") int keep;

        @Override public Integer call() {
            try (Session s = sessions.apply(common.root)) {
                List<String> gone = s.pruneSnapshots(keep);
                PrintWriter out = spec.commandLine().getOut();
                out.println(gone.isEmpty() ? "nothing to prune" : "deleted " + gone.size() + " snapshot(s): " + String.join(", ", gone));
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true,
            description = {"The audit trail (/var/log/golive/audit.log): one line per apply, rollback and recover, oldest first, "
                    + "also for those that failed: time (UTC), action, snapshot, result, exit code, uid, user, sudo_user, detail."},
            footer = {"", "Exit codes: 0 printed (or no entries yet), 3 not root on the live host."})
    static final class Log implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Spec CommandSpec spec;

        @Override public Integer call() {
            try (Session s = sessions.apply(common.root)) {
                var lines = s.auditTrail();
                PrintWriter out = spec.commandLine().getOut();
                if (lines.isEmpty()) out.println("no audit entries yet: golive has not applied, rolled back or recovered anything here");
                lines.forEach(l -> out.println(l.text()));
                out.flush();
                return 0;
            }
        }
    }
}
