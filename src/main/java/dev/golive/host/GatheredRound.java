package dev.golive.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one round of the Ansible capture playbook brought back from a host, as the playbook hands
 * it to the controller: the wants it was asked ({@code asked}) and the registered results of its
 * commands, unchanged: {@code files} and {@code dirs} (the batches of {@link LookScript}, run by
 * the command module: lstat, content and listing of every wanted path), {@code excerpts} (the
 * same script in mode excerpt, one run for every wanted excerpt: what it cut of each file) and
 * {@code commands} (the command module, argv form). Parsing is pure; {@link CaptureAssembly}
 * writes the result into the host's capture.
 */
public record GatheredRound(CaptureWants asked, Map<String, Stat> stats, Map<String, List<Entry>> listings,
                            Map<String, byte[]> contents, java.util.Set<String> directories, Map<List<String>, Outcome> commands,
                            Map<String, byte[]> excerpts) {

    /** A path as lstat sees it: there or not, a directory, a link and its target. */
    public record Stat(boolean exists, boolean isDir, Optional<String> linkTarget) { }

    /** A directory entry: {@code isDir} as lstat sees it (a link to a directory is not one). */
    public record Entry(String path, boolean isDir) { }

    /** A command's result: it ran (exit code, stdout, stderr), was not installed, or failed otherwise (timeout). */
    public sealed interface Outcome permits Ran, NotFound, Failed { }
    public record Ran(int exitCode, String stdout, String stderr) implements Outcome { }
    public record NotFound() implements Outcome { }
    public record Failed(String why) implements Outcome { }

    public static GatheredRound parse(String source, String text) {
        JsonNode root;
        try {
            root = CaptureWants.JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw GoliveException.badInput(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw GoliveException.badInput(source + ": not a round of the capture playbook (expected a JSON object)");
        if (!root.has("asked")) throw GoliveException.badInput(source + ": not a round of the capture playbook (no \"asked\")");
        if (root.has("stat") || root.has("find")) {
            // a round of a playbook from an earlier golive (a module run per path): its results are not read here
            throw GoliveException.badInput(source + ": a round of a playbook written by another golive: export the playbook again (golive export --format ansible-capture)");
        }
        CaptureWants asked = CaptureWants.fromJson(source + ": asked", root.get("asked"));

        Map<String, Stat> stats = new LinkedHashMap<>();
        Map<String, List<Entry>> listings = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        java.util.Set<String> directories = new java.util.LinkedHashSet<>();
        for (String mode : List.of(LookScript.FILES, LookScript.DIRS)) {
            for (JsonNode r : results(root, mode)) {
                LookScript.Answer a = LookScript.parse(source, mode, batch(source, mode, r), r.path("stdout").asText(""));
                stats.putAll(a.stats());
                listings.putAll(a.listings());
                contents.putAll(a.contents());
                directories.addAll(a.directories());
            }
        }
        Map<String, byte[]> excerpts = new LinkedHashMap<>();
        for (JsonNode r : results(root, "excerpts")) {
            // one run for all the round's excerpts: its item is the list of wants
            ObjectNode batch = r.deepCopy();
            var paths = batch.putArray("item");
            for (JsonNode x : r.path("item")) {
                if (!x.path("path").isTextual()) throw GoliveException.badInput(source + ": an excerpt's result without the path it was asked for");
                paths.add(x.get("path").asText());
            }
            LookScript.Answer a = LookScript.parse(source, LookScript.EXCERPT, batch(source, LookScript.EXCERPT, batch), r.path("stdout").asText(""));
            stats.putAll(a.stats());
            excerpts.putAll(a.contents());
        }

        Map<List<String>, Outcome> commands = new LinkedHashMap<>();
        for (JsonNode r : results(root, "commands")) {
            List<String> argv = new ArrayList<>();
            r.path("item").forEach(w -> argv.add(w.asText()));
            if (argv.isEmpty()) continue;
            commands.put(List.copyOf(argv), outcome(r));
        }
        return new GatheredRound(asked, stats, listings, contents, directories, commands, excerpts);
    }

    /**
     * The paths of one batch (its item). A batch that did not run to the end (sh missing, killed,
     * the connection lost) is refused: its paths must not be taken for absent, and the host's
     * capture stays partial.
     */
    private static List<String> batch(String source, String mode, JsonNode r) {
        List<String> paths = new ArrayList<>();
        r.path("item").forEach(p -> paths.add(p.asText()));
        if (!r.path("start").isTextual() || r.path("rc").asInt(-1) != 0) {
            String why = r.path("msg").asText("");
            if (why.isEmpty()) why = r.path("stderr").asText("");
            throw GoliveException.badInput(source + ": a look at " + paths.size() + " " + mode + " did not run: "
                    + (why.isBlank() ? "exit code " + r.path("rc").asText("none") : why.strip().lines().findFirst().orElse("")));
        }
        return paths;
    }

    /**
     * The command module reports a program it could not start as a failure with the OS error and
     * no start time ("[Errno 2] No such file or directory"); a program that ran has "start" and "rc".
     */
    private static Outcome outcome(JsonNode r) {
        boolean started = r.path("start").isTextual();
        String msg = r.path("msg").asText("");
        if (!started && (msg.contains("No such file or directory") || msg.contains("Permission denied"))) return new NotFound();
        if (!started || !r.path("rc").isInt()) return new Failed(msg.isEmpty() ? "did not run" : msg);
        return new Ran(r.path("rc").asInt(), r.path("stdout").asText(""), r.path("stderr").asText(""));
    }

    private static Iterable<JsonNode> results(JsonNode root, String key) {
        JsonNode n = root.path(key);
        // a registered loop holds its items under "results"; a list is taken as the items themselves
        if (n.isObject()) n = n.path("results");
        return n.isArray() ? n : List.of();
    }
}
