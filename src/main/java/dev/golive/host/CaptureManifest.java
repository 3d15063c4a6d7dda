package dev.golive.host;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.golive.model.GoliveException;

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

    public CaptureManifest {
        commands = java.util.Collections.unmodifiableMap(new TreeMap<>(commands));
        absent = List.copyOf(new TreeSet<>(absent));
        notFound = List.copyOf(new TreeSet<>(notFound));
        stderr = java.util.Collections.unmodifiableMap(new TreeMap<>(stderr));
        exitCodes = java.util.Collections.unmodifiableMap(new TreeMap<>(exitCodes));
    }

    /**
     * Reads a manifest with Jackson's streaming parser: databind's ObjectMapper costs about
     * 300 classes and tens of milliseconds on a cold start, for a file of a few string maps.
     */
    public static CaptureManifest parse(String source, String text) {
        try (JsonParser p = STREAMING.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                skipAll(p);
                throw GoliveException.badInput(source + ": not a golive capture (expected a JSON object)");
            }
            Integer format = null;
            String capturedAt = null, hostname = null, machine = null, release = null;
            Map<String, String> cmds = new LinkedHashMap<>(), stderr = new LinkedHashMap<>();
            Map<String, Integer> codes = new LinkedHashMap<>();
            List<String> absent = new java.util.ArrayList<>(), notFound = new java.util.ArrayList<>();
            boolean commandsNotObject = false;
            String badCommand = null, badCode = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "format" -> format = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "capturedAt" -> capturedAt = scalar(p, v);
                    case "hostname" -> hostname = scalar(p, v);
                    case "uname" -> {
                        if (v == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                JsonToken u = p.nextToken();
                                if (k.equals("machine")) machine = scalar(p, u);
                                else if (k.equals("release")) release = scalar(p, u);
                                else p.skipChildren();
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "commands" -> {
                        if (v == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                JsonToken c = p.nextToken();
                                if (c == JsonToken.VALUE_STRING) cmds.put(k, p.getText());
                                else {
                                    if (badCommand == null) badCommand = k;
                                    p.skipChildren();
                                }
                            }
                        } else {
                            commandsNotObject = v != JsonToken.VALUE_NULL;
                            p.skipChildren();
                        }
                    }
                    case "absent" -> strings(p, v, absent);
                    case "notFound" -> strings(p, v, notFound);
                    case "stderr" -> {
                        if (v == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                JsonToken c = p.nextToken();
                                if (c.isScalarValue() && c != JsonToken.VALUE_NULL) stderr.put(k, p.getText());
                                else p.skipChildren();
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "exitCodes" -> {
                        if (v == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                JsonToken c = p.nextToken();
                                if (c == JsonToken.VALUE_NUMBER_INT) codes.put(k, p.getIntValue());
                                else {
                                    if (badCode == null) badCode = k;
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren(); // keys of later formats are ignored
                }
            }
            skipAll(p); // trailing content must still be valid JSON
            if (format == null) throw GoliveException.badInput(source + ": missing \"format\"");
            if (format != FORMAT) throw GoliveException.badInput(source + ": capture format " + format + " is not supported (this golive reads format " + FORMAT + ")");
            if (commandsNotObject) throw GoliveException.badInput(source + ": \"commands\" must be an object");
            if (badCommand != null) throw GoliveException.badInput(source + ": commands[\"" + badCommand + "\"] must be a string");
            if (badCode != null) throw GoliveException.badInput(source + ": exitCodes[\"" + badCode + "\"] must be an integer");
            return new CaptureManifest(FORMAT, capturedAt, hostname, machine, release, cmds, absent, notFound, stderr, codes);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw GoliveException.badInput(where + ": not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw GoliveException.badInput(source + ": cannot read: " + e.getMessage());
        }
    }

    private static final com.fasterxml.jackson.core.JsonFactory STREAMING = new com.fasterxml.jackson.core.JsonFactory();

    /** A string, number or boolean as text (what asText() gave); null for null or a container. */
    private static String scalar(JsonParser p, JsonToken v) throws java.io.IOException {
        if (v == JsonToken.VALUE_NULL) return null;
        if (v.isScalarValue()) return p.getText();
        p.skipChildren();
        return null;
    }

    private static void strings(JsonParser p, JsonToken v, List<String> into) throws java.io.IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken().isScalarValue()) into.add(p.getText());
            else p.skipChildren();
        }
    }

    /** Reads to the end so that malformed trailing input is reported like any other syntax error. */
    private static void skipAll(JsonParser p) throws java.io.IOException {
        while (p.nextToken() != null) p.skipChildren();
    }

    public String toJson() {
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = STREAMING.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("format", format);
            g.writeStringField("capturedAt", capturedAt);
            g.writeStringField("hostname", hostname);
            g.writeObjectFieldStart("uname");
            g.writeStringField("machine", machine);
            g.writeStringField("release", release);
            g.writeEndObject();
            g.writeObjectFieldStart("commands");
            for (var e : commands.entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeArrayFieldStart("absent");
            for (String a : absent) g.writeString(a);
            g.writeEndArray();
            g.writeArrayFieldStart("notFound");
            for (String a : notFound) g.writeString(a);
            g.writeEndArray();
            // only when there is something: captures without them keep their old shape
            if (!stderr.isEmpty()) {
                g.writeObjectFieldStart("stderr");
                for (var e : stderr.entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            if (!exitCodes.isEmpty()) {
                g.writeObjectFieldStart("exitCodes");
                for (var e : exitCodes.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out + "\n";
    }
}
