package dev.golive.ui.cli;

import dev.golive.apply.RollbackRefused;
import dev.golive.apply.RollbackResult;
import dev.golive.app.Session;
import dev.golive.model.GoliveException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Put back what one snapshot changed, in reverse order: live values, files (or remove files that did not exist), then systemctl daemon-reload. Refuses, with a diff, when a file changed since golive wrote it, unless --force."},
        footer = {"", "Exit codes: 0 rolled back, 2 no such snapshot / no terminal to confirm on, 3 not root, host locked, or changed since golive wrote it (without --force)."})
public final class RollbackCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The snapshot (see golive snapshots).")
    String id;

    @Option(names = "--last", description = "The newest applied snapshot.")
    boolean last;

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    @Option(names = "--force", description = "Roll back even over changes made after golive wrote the files.")
    boolean force;

    @Option(names = "--timing", hidden = true, description = "Print the rollback's wall and CPU time to stderr (for scripts/bench).")
    boolean timing;

    Confirm confirm = Confirm.terminal();
    Function<String, Session> sessions = Session::open;

    @Override public Integer call() {
        if ((id == null) == !last) throw GoliveException.badInput("give a snapshot ID or --last (not both)");
        PrintWriter out = spec.commandLine().getOut();
        try (Session s = sessions.apply(common.root)) {
            s.requireWritable();
            String which = id;
            if (which == null) {
                which = s.snapshots().stream().filter(m -> m.state() == dev.golive.apply.Manifest.State.APPLIED)
                        .reduce((a, b) -> b).map(dev.golive.apply.Manifest::id)
                        .orElseThrow(() -> GoliveException.badInput("no applied snapshot to roll back (see golive snapshots)"));
            }
            if (!Confirm.confirmed(confirm, yes, "Roll back snapshot " + which + " on " + s.describeRoot() + "?")) {
                out.println("not rolled back; nothing was changed");
                out.flush();
                return 0;
            }
            try {
                Timing t = Timing.start(timing);
                RollbackResult r = s.rollback(which, force);
                t.report(spec.commandLine().getErr(), "rollback");
                print(out, r);
                Output.warnUnrecorded(s, spec.commandLine().getErr());
            } catch (RollbackRefused r) {
                out.print(r.diff());
                out.flush();
                throw r;
            }
            return 0;
        }
    }

    static void print(PrintWriter out, RollbackResult r) {
        r.restored().forEach(l -> out.println("  " + l));
        r.reported().forEach(l -> out.println("  " + l));
        out.println("rolled back snapshot " + r.snapshotId() + " in " + r.millis() + " ms");
        out.flush();
    }
}
