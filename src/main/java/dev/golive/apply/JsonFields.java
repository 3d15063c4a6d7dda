package dev.golive.apply;

import dev.golive.model.Printable;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reading and writing the JSON that golive keeps (plans, snapshot manifests) with Jackson's
 * tree model, by hand: the format is spelled out field by field so it stays stable and
 * documented (docs/snapshots.md), and every bad field is one line naming where it is.
 */
final class JsonFields {

    /**
     * Strict on reading: a key given twice (which one would count?) and anything after the
     * document are errors, not silently the last value or ignored, so what a reader of the
     * file sees is what golive reads.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonFields() { }

    /** Parses text, turning a syntax error into {@code source:line:col: message} (exit 2). */
    static JsonNode parse(String source, String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) throw badInput(source + ": expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw badInput(where + ": " + e.getOriginalMessage());
        }
    }

    /**
     * Where each value of a parsed document starts, by its path as {@link At} names it
     * ("files[0].after"): line and column of the text, for messages. Empty for text that does
     * not parse (parse reports that first).
     */
    static java.util.Map<String, int[]> locations(String text) {
        java.util.Map<String, int[]> out = new java.util.HashMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(text)) {
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME || t.isStructEnd()) continue;
                var loc = p.currentTokenLocation();
                out.putIfAbsent(pathOf(p.getParsingContext().pathAsPointer().toString()), new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
        } catch (java.io.IOException e) {
            return java.util.Map.of();
        }
        return out;
    }

    /** "/files/0/after" as {@link At} writes it: "files[0].after". */
    private static String pathOf(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String seg : pointer.split("/")) {
            if (seg.isEmpty()) continue;
            String name = seg.replace("~1", "/").replace("~0", "~");
            if (name.matches("\\d+")) b.append('[').append(name).append(']');
            else b.append(b.length() == 0 ? "" : ".").append(name);
        }
        return b.toString();
    }

    static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    static void putOpt(ObjectNode o, String name, Optional<String> v) {
        if (v.isPresent()) o.put(name, v.get());
        else o.putNull(name);
    }

    /**
     * A message safe to print on one line: control characters and Unicode line separators in
     * quoted values (a path or enum name from a hand-edited file) are escaped, not printed.
     */

    static GoliveException badInput(String message) { return GoliveException.badInput(Printable.text(message)); }

    static String mode(int mode) { return String.format("%04o", mode); }

    /** One field of an object, with its JSON path for messages. */
    record At(String source, String path, JsonNode node) {

        GoliveException bad(String field, String what) {
            return badInput(source + ": " + path + (path.isEmpty() ? "" : ".") + field + ": " + what);
        }

        String str(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual()) throw bad(field, v == null || v.isNull() ? "missing" : "expected a string");
            return v.asText();
        }

        Optional<String> optStr(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) return Optional.empty();
            if (!v.isTextual()) throw bad(field, "expected a string or null");
            return Optional.of(v.asText());
        }

        boolean bool(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isBoolean()) throw bad(field, "expected true or false");
            return v.asBoolean();
        }

        int integer(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isInt()) throw bad(field, "expected an integer");
            return v.asInt();
        }

        /** An octal mode written as a string ("0644"): JSON has no octal numbers and 420 reads badly. */
        int mode(String field) {
            String s = str(field);
            if (!s.matches("0?[0-7]{3,4}")) throw bad(field, "expected an octal mode like \"0644\", got \"" + s + "\"");
            return Integer.parseInt(s, 8);
        }

        <E extends Enum<E>> E enumOf(String field, Class<E> type) {
            String s = str(field);
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E c : type.getEnumConstants()) names.add(c.name());
                throw bad(field, "\"" + s + "\" is not one of " + names);
            }
        }

        At obj(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isObject()) throw bad(field, "expected an object");
            return new At(source, path.isEmpty() ? field : path + "." + field, v);
        }

        <T> List<T> list(String field, BiFunction<At, Integer, T> each) {
            JsonNode v = node.get(field);
            if (v == null || !v.isArray()) throw bad(field, "expected an array");
            List<T> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                At at = new At(source, (path.isEmpty() ? "" : path + ".") + field + "[" + i + "]", e);
                if (!e.isObject() && !e.isTextual()) throw badInput(source + ": " + at.path + ": expected an object");
                out.add(each.apply(at, i));
            }
            return out;
        }

        List<String> strings(String field) {
            return list(field, (at, i) -> {
                if (!at.node.isTextual()) throw badInput(source + ": " + at.path + ": expected a string");
                return at.node.asText();
            });
        }

        /** A model constructor's refusal (IllegalArgumentException) as a bad-input line at this path. */
        <T> T build(java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw badInput(source + ": " + path + ": " + e.getMessage());
            }
        }
    }
}
