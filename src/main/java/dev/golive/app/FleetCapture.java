package dev.golive.app;

import dev.golive.export.CapturePlaybook;
import dev.golive.host.AccessLog;
import dev.golive.host.CaptureAssembly;
import dev.golive.host.CaptureWants;
import dev.golive.host.GatheredRound;
import dev.golive.host.RootSpec;
import dev.golive.host.ScratchDir;
import dev.golive.host.UnansweredCommands;
import dev.golive.inspect.Inspector;
import dev.golive.model.HostFacts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A capture of a host golive does not run on, gathered by Ansible in rounds and assembled here.
 *
 * <p>The recipe is not a list kept beside the probes: it is what inspection asks for. A round's
 * wants are found by inspecting the capture assembled so far exactly as {@code inspect --root}
 * would, and taking every file, directory and command it asked for and the capture could not
 * answer. Reads that depend on earlier ones (the unit, then its drop-ins, then the ExecStart
 * binary and the cgroup named by systemctl) appear as soon as what they depend on is in the
 * capture, so the rounds end when an inspection of the capture asks for nothing new: then it
 * has read what inspecting the host itself reads.
 */
public final class FleetCapture {

    private FleetCapture() { }

    /** Where a host's capture stands after a step: rounds gathered, what the next round is to gather (empty: complete). */
    public record Step(Path dir, int rounds, CaptureWants next) {
        public boolean complete() { return next.isEmpty(); }

        /** What the playbook reads back: {@code {"rounds": N, "complete": bool, "next": wants}}. */
        public String toJson() {
            var o = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            o.put("rounds", rounds);
            o.put("complete", complete());
            o.set("next", next.toJsonNode());
            return o.toString() + "\n";
        }
    }

    /**
     * Writes the capture playbook, its round and its recipe into {@code dir} (which must not
     * exist or be empty); returns the paths written, the playbook first.
     */
    public static List<String> writePlaybook(String dir, Optional<String> serviceUnit) {
        String recipe = recipe(serviceUnit.orElse(null)).toJson();
        dev.golive.host.AdminNamedFiles.newDirectory(dir);
        List<String> written = new java.util.ArrayList<>();
        for (CapturePlaybook.File f : CapturePlaybook.render(serviceUnit, recipe, dev.golive.host.LookScript.SCRIPT)) {
            String path = Path.of(dir, f.name()).toString();
            dev.golive.host.AdminNamedFiles.writeText(path, f.content(), 0644);
            written.add(path);
        }
        return List.copyOf(written);
    }

    /** The first round, the same for every host: what inspecting a host about which nothing is known yet reads. */
    public static CaptureWants recipe(String service) {
        Optional<String> unit = Optional.ofNullable(service).map(Session::serviceUnit);
        try (ScratchDir scratch = ScratchDir.create("golive-recipe-")) {
            Path dir = scratch.path().resolve("capture");
            CaptureAssembly.start(dir);
            return wanted(dir, unit, CaptureWants.NONE).wants();
        }
    }

    /**
     * Starts the capture in {@code dir} (when {@code round} is empty) or merges the round the
     * playbook gathered into it, then works out and records the next round.
     */
    public static Step step(Path dir, Optional<Path> round, String service) {
        return step(dir, round.isEmpty() ? CaptureAssembly.start(dir)
                : CaptureAssembly.merge(dir, CaptureAssembly.read(dir), CaptureAssembly.readRound(round.get())), service);
    }

    /** Merges {@code round} into the capture in {@code dir} and works out the next round. */
    public static Step step(Path dir, GatheredRound round, String service) {
        return step(dir, CaptureAssembly.merge(dir, CaptureAssembly.read(dir), round), service);
    }

    private static Step step(Path dir, CaptureAssembly.State s, String service) {
        Optional<String> unit = Optional.ofNullable(service).map(Session::serviceUnit);
        Wanted w = wanted(dir, unit, s.asked());
        CaptureWants next = w.wants().minus(s.asked());
        HostFacts f = w.facts();
        s = CaptureAssembly.pending(dir, s, next, f.origin().capturedAt(),
                f.os().hostname().orElse(null), f.os().architecture().orElse(null), f.os().kernelRelease().orElse(null));
        return new Step(dir, s.rounds(), next);
    }

    /**
     * The same, after checking that round 1 is the recipe the playbook was written with: a recipe
     * from another golive, or for another service, would gather what this golive does not read.
     */
    public static Step start(Path dir, Optional<CaptureWants> recipe, String service) {
        if (recipe.isPresent() && !recipe.get().equals(recipe(service))) {
            throw dev.golive.model.GoliveException.badInput("the recipe is not what this golive reads first"
                    + (service == null ? "" : " for " + Session.serviceUnit(service))
                    + ": export the playbook again with this golive (golive export --format ansible-capture)");
        }
        return step(dir, Optional.empty(), service);
    }

    /** One line per host: its capture complete, or partial and what it lacks; {@code ok} is false when any is not complete. */
    public record Summary(List<String> lines, boolean ok) { }

    /**
     * The captures in {@code out} (one directory per inventory hostname) and the hosts that
     * {@code stopped} (unreachable or failed: Ansible took them out of the play).
     */
    public static Summary summary(Path out, java.util.Collection<String> stopped) {
        List<String> lines = new java.util.ArrayList<>();
        boolean ok = true;
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (var e : CaptureAssembly.readAll(out).entrySet()) {
            String host = e.getKey();
            seen.add(host);
            CaptureAssembly.State s = e.getValue();
            boolean stop = stopped.contains(host);
            if (!stop && s.missing().isEmpty()) {
                lines.add(host + ": complete after " + s.rounds() + " round" + (s.rounds() == 1 ? "" : "s"));
                continue;
            }
            ok = false;
            String why = stop ? "the host stopped answering (unreachable or failed) in round " + (s.rounds() + 1)
                    : "still asked for more after " + s.rounds() + " rounds";
            lines.add(host + ": partial: " + why + "; missing " + s.missing().describe()
                    + " (listed under \"missing\" in " + host + "/" + dev.golive.host.CaptureManifest.FILE_NAME + ")");
        }
        for (String host : new java.util.TreeSet<>(stopped)) {
            if (seen.contains(host)) continue;
            ok = false;
            lines.add(host + ": no capture: golive could not start one (see the Ansible output above)");
        }
        if (lines.isEmpty()) {
            lines.add("no captures in " + out);
            ok = false;
        }
        return new Summary(List.copyOf(lines), ok);
    }

    private record Wanted(CaptureWants wants, HostFacts facts) { }

    /** The excerpt a read for one asked for ({@link AccessLog#excerptMissing}: "missing excerpt MAX PATTERN"). */
    private static CaptureWants.Excerpt excerpt(AccessLog.Entry e) {
        String[] maxPattern = e.detail().substring(AccessLog.MISSING_EXCERPT.length()).split(" ", 2);
        return new CaptureWants.Excerpt(e.what(), Long.parseLong(maxPattern[0]), maxPattern[1]);
    }

    /**
     * Inspects the capture in {@code dir} and returns what it asked for and could not find there:
     * a file neither there nor known absent, a command not recorded, and a directory not listed
     * on the host yet. A directory can be in the capture without having been listed (a listing of
     * its parent made it, empty, as {@code golive capture} does), so a listing counts as answered
     * only when it was {@code asked}.
     */
    private static Wanted wanted(Path dir, Optional<String> unit, CaptureWants asked) {
        AccessLog log = new AccessLog();
        try (RootSpec spec = RootSpec.open(dir.toString(), log)) {
            UnansweredCommands commands = new UnansweredCommands(spec.runner());
            Inspector.Options options = unit.map(u -> Inspector.Options.forService(u, null)).orElse(Inspector.Options.defaults());
            HostFacts f = Inspector.inspect(spec.root(), commands, options);
            java.util.Set<String> absent = java.util.Set.copyOf(spec.manifest().absent());
            List<String> files = new java.util.ArrayList<>(), dirs = new java.util.ArrayList<>();
            List<CaptureWants.Excerpt> excerpts = new java.util.ArrayList<>();
            java.util.Set<String> listed = java.util.Set.copyOf(asked.dirs());
            for (AccessLog.Entry e : log.entries()) {
                if (absent.contains(e.what())) continue;
                if (e.kind() == AccessLog.Kind.READ && "missing".equals(e.detail())) files.add(e.what());
                else if (e.kind() == AccessLog.Kind.READ && e.detail().startsWith(AccessLog.MISSING_EXCERPT)) excerpts.add(excerpt(e));
                else if (e.kind() == AccessLog.Kind.LIST && !listed.contains(e.what())) dirs.add(e.what());
            }
            return new Wanted(new CaptureWants(files, dirs, commands.unanswered(), excerpts), f);
        }
    }
}
