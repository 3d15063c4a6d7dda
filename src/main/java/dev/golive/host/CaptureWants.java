package dev.golive.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a capture still has to read from a host: files (their content, or that they are absent),
 * directories (their entries and the regular files in them), commands (exact argv, run with
 * LC_ALL=C and no shell) and excerpts (the first match of a pattern in a file no larger than a
 * bound, cut on the host: systemd's version banner, not its 2 MB binary). A round of the Ansible
 * capture playbook gathers one of these; golive on the controller derives it from what
 * inspection asked for and the partial capture could not answer. JSON: {@code {"files":[...],
 * "dirs":[...],"commands":[["argv0","arg"],...],"excerpts":[{"path":...,"max":N,"pattern":...}]}}.
 */
public record CaptureWants(List<String> files, List<String> dirs, List<List<String>> commands, List<Excerpt> excerpts) {

    /** The first match of {@code pattern} (a POSIX extended regular expression) in {@code path}, if no larger than {@code max} bytes. */
    public record Excerpt(String path, long max, String pattern) { }

    public static final CaptureWants NONE = new CaptureWants(List.of(), List.of(), List.of());

    public CaptureWants {
        files = List.copyOf(new LinkedHashSet<>(files));
        dirs = List.copyOf(new LinkedHashSet<>(dirs));
        commands = commands.stream().map(List::copyOf).distinct().toList();
        excerpts = List.copyOf(new LinkedHashSet<>(excerpts));
    }

    public CaptureWants(List<String> files, List<String> dirs, List<List<String>> commands) {
        this(files, dirs, commands, List.of());
    }

    public boolean isEmpty() { return files.isEmpty() && dirs.isEmpty() && commands.isEmpty() && excerpts.isEmpty(); }

    public int size() { return files.size() + dirs.size() + commands.size() + excerpts.size(); }

    /** These wants and {@code other}'s, each once, in first-seen order. */
    public CaptureWants plus(CaptureWants other) {
        List<String> f = new ArrayList<>(files);
        f.addAll(other.files);
        List<String> d = new ArrayList<>(dirs);
        d.addAll(other.dirs);
        List<List<String>> c = new ArrayList<>(commands);
        c.addAll(other.commands);
        List<Excerpt> x = new ArrayList<>(excerpts);
        x.addAll(other.excerpts);
        return new CaptureWants(f, d, c, x);
    }

    /** These wants without the ones {@code done} holds. */
    public CaptureWants minus(CaptureWants done) {
        Set<String> df = Set.copyOf(done.files), dd = Set.copyOf(done.dirs);
        Set<List<String>> dc = Set.copyOf(done.commands);
        Set<Excerpt> dx = Set.copyOf(done.excerpts);
        return new CaptureWants(files.stream().filter(x -> !df.contains(x)).toList(),
                dirs.stream().filter(x -> !dd.contains(x)).toList(),
                commands.stream().filter(x -> !dc.contains(x)).toList(),
                excerpts.stream().filter(x -> !dx.contains(x)).toList());
    }

    /** One line for a summary: "3 files, 1 directory, 2 commands" (", 1 excerpt" when there are any). */
    public String describe() {
        return count(files.size(), "file") + ", " + count(dirs.size(), "directory") + ", " + count(commands.size(), "command")
                + (excerpts.isEmpty() ? "" : ", " + count(excerpts.size(), "excerpt"));
    }

    private static String count(int n, String what) {
        String plural = what.endsWith("y") ? what.substring(0, what.length() - 1) + "ies" : what + "s";
        return n + " " + (n == 1 ? what : plural);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    public ObjectNode toJsonNode() {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode f = o.putArray("files");
        files.forEach(f::add);
        ArrayNode d = o.putArray("dirs");
        dirs.forEach(d::add);
        ArrayNode c = o.putArray("commands");
        for (List<String> argv : commands) {
            ArrayNode a = c.addArray();
            argv.forEach(a::add);
        }
        ArrayNode x = o.putArray("excerpts");
        for (Excerpt e : excerpts) x.addObject().put("path", e.path()).put("max", e.max()).put("pattern", e.pattern());
        return o;
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJsonNode()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads wants from {@code node} (absent keys are empty); {@code source} names it in errors. */
    public static CaptureWants fromJson(String source, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return NONE;
        if (!node.isObject()) throw GoliveException.badInput(source + ": expected an object with files, dirs and commands");
        List<String> f = paths(source, "files", node.get("files"));
        List<String> d = paths(source, "dirs", node.get("dirs"));
        List<List<String>> c = new ArrayList<>();
        JsonNode cs = node.get("commands");
        if (cs != null && !cs.isNull()) {
            if (!cs.isArray()) throw GoliveException.badInput(source + ": \"commands\" must be a list of argv lists");
            for (JsonNode argv : cs) {
                if (!argv.isArray() || argv.isEmpty()) throw GoliveException.badInput(source + ": each command must be a non-empty argv list");
                List<String> a = new ArrayList<>();
                for (JsonNode w : argv) {
                    if (!w.isTextual()) throw GoliveException.badInput(source + ": command words must be strings");
                    a.add(w.asText());
                }
                c.add(a);
            }
        }
        List<Excerpt> x = new ArrayList<>();
        JsonNode xs = node.get("excerpts");
        if (xs != null && !xs.isNull()) {
            if (!xs.isArray()) throw GoliveException.badInput(source + ": \"excerpts\" must be a list of {path, max, pattern}");
            for (JsonNode e : xs) {
                if (!e.path("path").isTextual() || !e.path("max").canConvertToLong() || !e.path("pattern").isTextual()) {
                    throw GoliveException.badInput(source + ": each excerpt must have a path, a max (bytes) and a pattern");
                }
                String path = paths(source, "excerpts", JSON.createArrayNode().add(e.get("path"))).get(0);
                x.add(new Excerpt(path, e.get("max").asLong(), e.get("pattern").asText()));
            }
        }
        return new CaptureWants(f, d, c, x);
    }

    private static List<String> paths(String source, String key, JsonNode n) {
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) throw GoliveException.badInput(source + ": \"" + key + "\" must be a list of paths");
        List<String> out = new ArrayList<>();
        for (JsonNode p : n) {
            if (!p.isTextual()) throw GoliveException.badInput(source + ": \"" + key + "\" must hold strings");
            try {
                HostPaths.check(p.asText());
            } catch (RuntimeException e) {
                throw GoliveException.badInput(source + ": " + key + ": " + p.asText() + ": not an absolute host path");
            }
            out.add(p.asText());
        }
        return out;
    }

    public static CaptureWants parse(String source, String text) {
        try {
            return fromJson(source, JSON.readTree(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw GoliveException.badInput(where + ": not valid JSON: " + e.getOriginalMessage());
        }
    }
}
