package dev.golive.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one round of the Ansible capture playbook brought back from a host, as the playbook hands
 * it to the controller: the wants it was asked ({@code asked}) and the registered results of its
 * stock modules, unchanged: {@code stat} (follow: false) of every wanted file and directory,
 * {@code find} of each directory that exists, {@code links} (stat of the links found in them),
 * {@code read} of the files (base64 per file, a batch per command) and {@code commands} (the command module, argv form). Parsing is
 * pure; {@link CaptureAssembly} writes the result into the host's capture.
 */
public record GatheredRound(CaptureWants asked, Map<String, Stat> stats, Map<String, List<Entry>> listings,
                            Map<String, byte[]> contents, java.util.Set<String> directories, Map<List<String>, Outcome> commands) {

    /** A path as {@code stat} saw it without following a final link. */
    public record Stat(boolean exists, boolean isDir, Optional<String> linkTarget) { }

    /** A directory entry as {@code find} listed it: a link's {@code size} is the link's own. */
    public record Entry(String path, boolean isDir, long size) { }

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
        CaptureWants asked = CaptureWants.fromJson(source + ": asked", root.get("asked"));

        Map<String, Stat> stats = new LinkedHashMap<>();
        for (JsonNode r : results(root, "stat")) stats.put(r.path("item").asText(), stat(r));
        for (JsonNode r : results(root, "links")) stats.put(r.path("item").asText(), stat(r));

        Map<String, List<Entry>> listings = new LinkedHashMap<>();
        for (JsonNode r : results(root, "find")) {
            // a path that is not a directory (or not there) is "skipped", not listed: as a failed listing on the host
            if (r.path("failed").asBoolean(false) || !r.path("skipped_paths").isEmpty()) continue;
            List<Entry> entries = new ArrayList<>();
            for (JsonNode f : r.path("files")) {
                entries.add(new Entry(f.path("path").asText(), f.path("isdir").asBoolean(false), f.path("size").asLong(0)));
            }
            listings.put(r.path("item").asText(), List.copyOf(entries));
        }

        Map<String, byte[]> contents = new LinkedHashMap<>();
        java.util.Set<String> directories = new java.util.LinkedHashSet<>();
        for (JsonNode r : results(root, "read")) read(source, r, contents, directories);

        Map<List<String>, Outcome> commands = new LinkedHashMap<>();
        for (JsonNode r : results(root, "commands")) {
            List<String> argv = new ArrayList<>();
            r.path("item").forEach(w -> argv.add(w.asText()));
            if (argv.isEmpty()) continue;
            commands.put(List.copyOf(argv), outcome(r));
        }
        return new GatheredRound(asked, stats, listings, contents, directories, commands);
    }

    /**
     * One batch of files read on the host by a single command: its item is the paths, its stdout
     * one line per path in that order, {@code ok BASE64} (the content), {@code dir} (a directory,
     * or a link to one, as a read of the live host finds it) or {@code fail} (not there, or
     * unreadable). A batch that did not run, or answered another number of lines, is refused:
     * its files must not be taken for absent, and the host's capture stays partial.
     */
    private static void read(String source, JsonNode r, Map<String, byte[]> contents, java.util.Set<String> directories) {
        List<String> paths = new ArrayList<>();
        r.path("item").forEach(p -> paths.add(p.asText()));
        if (!r.path("start").isTextual() || r.path("rc").asInt(-1) != 0) {
            throw GoliveException.badInput(source + ": a read of " + paths.size() + " files did not run: " + r.path("msg").asText(r.path("stderr").asText("")));
        }
        String out = r.path("stdout").asText("");
        if (out.endsWith("\n")) out = out.substring(0, out.length() - 1);
        String[] lines = out.isEmpty() ? new String[0] : out.split("\n", -1);
        if (lines.length != paths.size()) {
            throw GoliveException.badInput(source + ": a read of " + paths.size() + " files answered " + lines.length + " lines");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i], path = paths.get(i);
            if (line.equals("dir")) {
                directories.add(path);
            } else if (line.equals("ok") || line.startsWith("ok ")) {
                try {
                    contents.put(path, Base64.getDecoder().decode(line.substring(2).strip()));
                } catch (IllegalArgumentException e) {
                    throw GoliveException.badInput(source + ": read of " + path + ": content is not base64");
                }
            } else if (!line.equals("fail")) {
                throw GoliveException.badInput(source + ": read of " + path + ": unexpected answer \"" + line + "\"");
            }
        }
    }

    private static Stat stat(JsonNode r) {
        JsonNode s = r.path("stat");
        boolean exists = s.path("exists").asBoolean(false) && !r.path("failed").asBoolean(false);
        Optional<String> link = s.path("islnk").asBoolean(false) && s.path("lnk_target").isTextual()
                ? Optional.of(s.path("lnk_target").asText()) : Optional.empty();
        return new Stat(exists, exists && s.path("isdir").asBoolean(false), link);
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
