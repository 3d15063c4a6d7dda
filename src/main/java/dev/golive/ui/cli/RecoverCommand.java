package dev.golive.ui.cli;

import dev.golive.apply.RollbackRefused;
import dev.golive.apply.RollbackResult;
import dev.golive.app.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Roll back every apply that did not finish (golive was killed, the machine lost power, or the rollback after a failure did not finish) and finish every rollback that stopped half-way, so the host is as it was before the apply."},
        footer = {"", "Exit codes: 0 recovered (or nothing to do), 3 not root, host locked, or changed since (without --force)."})
public final class RecoverCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--force", description = "Roll back even over changes made after golive wrote the files.")
    boolean force;

    Function<String, Session> sessions = Session::open;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Session s = sessions.apply(common.root)) {
            s.requireWritable();
            List<RollbackResult> rs;
            try {
                rs = s.recover(force);
            } catch (RollbackRefused r) {
                out.print(r.diff());
                out.flush();
                throw r;
            }
            if (rs.isEmpty()) out.println("nothing to recover: every apply finished");
            for (RollbackResult r : rs) RollbackCommand.print(out, r);
            Output.warnUnrecorded(s, spec.commandLine().getErr());
            out.flush();
            return 0;
        }
    }
}
