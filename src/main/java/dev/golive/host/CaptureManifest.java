package dev.golive.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.GoliveException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code golive-capture.json} at the top of a capture (DESIGN.md):
 * {@code {"format":1, "capturedAt", "hostname", "uname":{"machine","release"},
 * "commands":{"<argv joined by spaces>":"<stdout>"}}}. golive adds {@code "absent"}: the
 * host paths inspection looked for and did not find, so that a capture can tell "this
 * kernel has no such key" from "not captured", and {@code "notFound"}: the commands that were
 * not installed there. {@code "stderr"} and {@code "exitCodes"} (also golive's) hold, for a
 * recorded command, its stderr when it printed any and its exit code when not 0: {@code
 * systemd-analyze verify} reports on stderr and may exit 1, and replaying it as "exit 0, no
 * output" would hide exactly what the check reads. Readers ignore keys they do not know.
 */
public record CaptureManifest(int format, String capturedAt, String hostname, String machine, String release,
                              Map<String, String> commands, List<String> absent, List<String> notFound,
                              Map<String, String> stderr, Map<String, Integer> exitCodes) {

    public CaptureManifest(int format, String capturedAt, String hostname, String machine, String release,
                           Map<String, String> commands, List<String> absent, List<String> notFound) {
        this(format, capturedAt, hostname, machine, release, commands, absent, notFound, Map.of(), Map.of());
    }

    public static final String FILE_NAME = "golive-capture.json";
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public CaptureManifest {
        commands = java.util.Collections.unmodifiableMap(new TreeMap<>(commands));
        absent = List.copyOf(new TreeSet<>(absent));
        notFound = List.copyOf(new TreeSet<>(notFound));
        stderr = java.util.Collections.unmodifiableMap(new TreeMap<>(stderr));
        exitCodes = java.util.Collections.unmodifiableMap(new TreeMap<>(exitCodes));
    }

    public static CaptureManifest parse(String source, String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw GoliveException.badInput(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw GoliveException.badInput(source + ": not a golive capture (expected a JSON object)");
        JsonNode f = n.get("format");
        if (f == null || !f.canConvertToInt()) throw GoliveException.badInput(source + ": missing \"format\"");
        if (f.asInt() != FORMAT) throw GoliveException.badInput(source + ": capture format " + f.asInt() + " is not supported (this golive reads format " + FORMAT + ")");
        Map<String, String> cmds = new LinkedHashMap<>();
        JsonNode c = n.get("commands");
        if (c != null && c.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual()) throw GoliveException.badInput(source + ": commands[\"" + e.getKey() + "\"] must be a string");
                cmds.put(e.getKey(), e.getValue().asText());
            }
        } else if (c != null && !c.isNull()) {
            throw GoliveException.badInput(source + ": \"commands\" must be an object");
        }
        List<String> absent = new java.util.ArrayList<>();
        JsonNode a = n.get("absent");
        if (a != null && a.isArray()) a.forEach(x -> absent.add(x.asText()));
        List<String> notFound = new java.util.ArrayList<>();
        JsonNode nf = n.get("notFound");
        if (nf != null && nf.isArray()) nf.forEach(x -> notFound.add(x.asText()));
        Map<String, String> stderr = new LinkedHashMap<>();
        JsonNode se = n.get("stderr");
        if (se != null && se.isObject()) se.fields().forEachRemaining(e -> stderr.put(e.getKey(), e.getValue().asText()));
        Map<String, Integer> codes = new LinkedHashMap<>();
        JsonNode ec = n.get("exitCodes");
        if (ec != null && ec.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = ec.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().canConvertToInt()) throw GoliveException.badInput(source + ": exitCodes[\"" + e.getKey() + "\"] must be an integer");
                codes.put(e.getKey(), e.getValue().asInt());
            }
        }
        JsonNode u = n.path("uname");
        return new CaptureManifest(FORMAT, text(n, "capturedAt"), text(n, "hostname"),
                text(u, "machine"), text(u, "release"), cmds, absent, notFound, stderr, codes);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", format);
        o.put("capturedAt", capturedAt);
        o.put("hostname", hostname);
        ObjectNode u = o.putObject("uname");
        u.put("machine", machine);
        u.put("release", release);
        ObjectNode c = o.putObject("commands");
        commands.forEach(c::put);
        var arr = o.putArray("absent");
        absent.forEach(arr::add);
        var nfa = o.putArray("notFound");
        notFound.forEach(nfa::add);
        // only when there is something: captures without them keep their old shape
        if (!stderr.isEmpty()) {
            ObjectNode se = o.putObject("stderr");
            stderr.forEach(se::put);
        }
        if (!exitCodes.isEmpty()) {
            ObjectNode ec = o.putObject("exitCodes");
            exitCodes.forEach(ec::put);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
