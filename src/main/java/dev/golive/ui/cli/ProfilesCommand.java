package dev.golive.ui.cli;

import dev.golive.model.Printable;
import dev.golive.app.Session;
import dev.golive.profile.ProfileCatalog;
import dev.golive.report.Json;
import dev.golive.report.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"List the tuning profiles: shipped ones and yours (/etc/golive/profiles, ~/.config/golive/profiles),",
                "with where each comes from and what it includes. Every profile is checked while loading."})
public final class ProfilesCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: {\"profiles\": [{name, description, origin, file, includes, overrides}]}.")
    boolean json;

    private final Function<String, Session> sessions;

    public ProfilesCommand() { this(Session::open); }

    ProfilesCommand(Function<String, Session> sessions) { this.sessions = sessions; }

    @Override public Integer call() {
        List<ProfileCatalog.Listing> list;
        try (Session s = sessions.apply(common.root)) {
            ProfileCatalog catalog = s.profiles();
            list = catalog.list();
            catalog.warnings().forEach(w -> spec.commandLine().getErr().println("golive: warning: " + Printable.text(w)));
            spec.commandLine().getErr().flush();
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(Map.of("profiles", list)));
        } else {
            Style st = Output.style(common);
            int w = list.stream().mapToInt(l -> l.name().length()).max().orElse(4);
            for (ProfileCatalog.Listing l : list) {
                out.println(st.bold(String.format("%-" + w + "s", l.name())) + "  " + Printable.text(l.description().orElse("")));
                String inc = l.includes().isEmpty() ? "" : "  includes " + String.join(", ", l.includes());
                String over = l.overrides().isEmpty() ? "" : "  overrides " + String.join(", ", l.overrides());
                out.println(" ".repeat(w) + "  " + st.dim(Printable.text(l.origin() + ": " + l.file() + inc + over)));
            }
        }
        out.flush();
        return 0;
    }
}
