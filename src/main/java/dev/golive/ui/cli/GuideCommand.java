package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.host.AdminNamedFiles;
import dev.golive.ui.shell.AnswersFile;
import dev.golive.ui.shell.AnswersPrompter;
import dev.golive.ui.shell.Guide;
import dev.golive.ui.shell.GuideTerminal;
import dev.golive.ui.shell.Prompter;
import dev.golive.ui.shell.SessionGuideBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "guide", mixinStandardHelpOptions = true,
        description = {"A guided setup on plain lines (for SSH, TERM=dumb, small terminals): host summary, which findings",
                "to fix, profile, the service's unit, preview, confirm, apply, and how to roll back.",
                "Every question has a default; Ctrl-C or end of input before the confirmation changes nothing."},
        footer = {"", "Exit codes: 0 done (applied, declined or nothing to do), 2 bad answers file, 3 environment,",
                "4 apply failed and was rolled back, 130 stopped with Ctrl-C or end of input (nothing changed)."})
public final class GuideCommand implements Callable<Integer> {

    /** The shell's convention for "stopped by Ctrl-C"; nothing was changed. */
    static final int STOPPED = 130;

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--answers", paramLabel = "FILE.yaml",
            description = "Answer the questions from this file (keys: " + "fix, profile, service, service.name, service.exec, "
                    + "service.args, service.user, service.ports, service.memory-max, service.cpu-quota, service.nofile, "
                    + "service.hardening, apply, finish, finish.binary, finish.health-url, finish.confirm); a missing key takes the default.")
    String answers;

    @Option(names = "--read-only", description = "Preview only; never apply.")
    boolean readOnly;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the answers file is read (and checked) before anything else, so a typo costs nothing
        Optional<AnswersFile> file = Optional.ofNullable(answers)
                .map(a -> AnswersFile.parse(a, AdminNamedFiles.readText(a), Guide.QUESTION_IDS));
        try (Session s = Session.open(common.root)) {
            var backend = new SessionGuideBackend(s, readOnly ? Optional.of("--read-only was given") : Optional.empty());
            if (file.isPresent()) {
                new Guide(backend, new AnswersPrompter(file.get(), out)).run();
                return 0;
            }
            try (GuideTerminal t = GuideTerminal.open(backend::listDir)) {
                new Guide(backend, t.prompter()).run();
                return 0;
            }
        } catch (Prompter.Stopped e) {
            err.println("golive guide: stopped (" + e.getMessage() + "); nothing was changed on the host.");
            err.flush();
            return STOPPED;
        }
    }

}
