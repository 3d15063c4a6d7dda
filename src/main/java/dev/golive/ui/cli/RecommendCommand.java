package dev.golive.ui.cli;

import dev.golive.model.Printable;
import dev.golive.app.Session;
import dev.golive.model.HostFacts;
import dev.golive.profile.Recommender;
import dev.golive.report.Json;
import dev.golive.report.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Rank the profiles for this host (or a capture with --root), best first, with the reasons."})
public final class RecommendCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: {\"host\", \"recommended\", \"ranking\": [{profile, score, reasons, origin}]}.")
    boolean json;

    private final Function<String, Session> sessions;

    public RecommendCommand() { this(Session::open); }

    RecommendCommand(Function<String, Session> sessions) { this.sessions = sessions; }

    @Override public Integer call() {
        List<Recommender.Recommendation> ranking;
        HostFacts facts;
        try (Session s = sessions.apply(common.root)) {
            facts = s.inspect();
            ranking = s.recommend();
        }
        var out = spec.commandLine().getOut();
        String host = facts.origin().hostname() == null ? facts.origin().root() : facts.origin().hostname() + " (" + facts.origin().root() + ")";
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", host);
            m.put("recommended", ranking.get(0).profile());
            m.put("ranking", ranking);
            out.print(Json.write(m));
        } else {
            Style st = Output.style(common);
            out.println("Profiles for " + Printable.text(host) + ", best first:");
            boolean first = true;
            for (Recommender.Recommendation r : ranking) {
                String line = String.format("%3d  %s", r.score(), r.profile()) + (first ? "   ← recommended" : "");
                out.println(first ? st.green(st.bold(line)) : line);
                for (String why : r.reasons()) out.println("       " + st.dim("· " + Printable.text(why)));
                first = false;
            }
            out.println();
            out.println(Printable.text("Preview it: golive plan --profile " + ranking.get(0).profile() + (common.root == null ? "" : " --root " + common.root)));
        }
        out.flush();
        return 0;
    }
}
