package dev.golive.profile;

import dev.golive.config.Yaml.Entry;
import dev.golive.config.Yaml.ListNode;
import dev.golive.config.Yaml.Loc;
import dev.golive.config.Yaml.MapNode;
import dev.golive.config.Yaml.Node;
import dev.golive.config.Yaml.Scalar;
import dev.golive.config.Yaml.ScalarType;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one profile file strictly: every unknown key, wrong type, value out of its
 * kernel-independent range or malformed expression is a one-line error at its line and
 * column (exit 2). Host-dependent checks (target kernel ranges, keys this kernel lacks)
 * happen when the profile is resolved for a host ({@link ProfileResolver}).
 */
public final class ProfileParser {

    static final List<String> TOP_KEYS = List.of("description", "include", "sysctl", "manager", "sysfs", "service");
    static final List<String> ENTRY_KEYS = List.of("value", "why", "when");
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Pattern TASKS = Pattern.compile("infinity|\\d+%?");
    /** Joins the fallbacks of a sysfs choice list in Setting.raw ("defer+madvise|madvise"). */
    static final String CHOICE_SEPARATOR = "|";
    static final Pattern MEMLIMIT = Pattern.compile("(\\d+)% of memory\\.max");

    private ProfileParser() { }

    /** A profile file's bytes: strict UTF-8 (a bad byte is an error at its line and column), then {@link #parse(String, String, String, String)}. */
    public static ProfileDoc parse(String name, String file, String origin, ByteBuffer bytes) {
        return parse(name, file, origin, utf8(file, bytes));
    }

    /** Decodes strictly: a lenient decoder would turn a bad byte into U+FFFD and the profile would say something else than the file. */
    static String utf8(String file, ByteBuffer bytes) {
        ByteBuffer in = bytes.duplicate();
        CharBuffer out = CharBuffer.allocate(in.remaining());
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) {
            String before = out.flip().toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int col = 1 + before.codePointCount(before.lastIndexOf('\n') + 1, before.length());
            throw ProfileErrors.at(new Loc(file, line, col), String.format("not UTF-8 text (byte 0x%02x)", in.get(in.position()) & 0xff));
        }
        return out.flip().toString();
    }

    public static ProfileDoc parse(String name, String file, String origin, String text) {
        Node root = YamlTree.parse(file, text);
        if (!(root instanceof MapNode top)) throw ProfileErrors.at(root.loc(), "a profile is a mapping of sections, not " + root.kind());
        Optional<String> description = Optional.empty();
        List<ProfileDoc.Include> includes = new ArrayList<>();
        List<ProfileDoc.Setting> settings = new ArrayList<>();
        for (Entry e : top.entries().values()) {
            switch (e.key()) {
                case "description" -> description = Optional.of(string(e.value(), "description"));
                case "include" -> includes.addAll(includes(e.value()));
                case "sysctl", "manager", "sysfs", "service" -> {
                    Section s = Section.valueOf(e.key().toUpperCase());
                    if (e.value() instanceof Scalar sc && sc.type() == ScalarType.NULL) continue;
                    if (!(e.value() instanceof MapNode m)) throw ProfileErrors.at(e.value().loc(), e.key() + ": expected a mapping of keys, found " + e.value().kind());
                    for (Entry k : m.entries().values()) settings.add(setting(s, k, name, text));
                }
                default -> throw ProfileErrors.unknownKey(e.keyLoc(), "key", e.key(), TOP_KEYS);
            }
        }
        return new ProfileDoc(name, file, origin, description, includes, settings);
    }

    private static List<ProfileDoc.Include> includes(Node n) {
        List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
        List<ProfileDoc.Include> out = new ArrayList<>();
        for (Node i : items) {
            String v = string(i, "include");
            if (!NAME.matcher(v).matches()) throw ProfileErrors.at(i.loc(), "include: \"" + v + "\" is not a profile name (lower-case letters, digits, . _ -)");
            out.add(new ProfileDoc.Include(v, i.loc()));
        }
        return out;
    }

    private static ProfileDoc.Setting setting(Section s, Entry k, String profile, String text) {
        Schema.Key spec = s.keys.get(k.key());
        if (spec == null) {
            if (s == Section.SYSCTL && Schema.FORBIDDEN.containsKey(k.key())) {
                throw ProfileErrors.at(k.keyLoc(), k.key() + " must not be set: it " + Schema.FORBIDDEN.get(k.key()));
            }
            throw ProfileErrors.unknownKey(k.keyLoc(), s.yamlName + " key", k.key(), s.keys.keySet());
        }
        if (!(k.value() instanceof MapNode m)) {
            throw ProfileErrors.at(k.value().loc(), k.key() + ": expected {value: ..., why: ...}, found " + k.value().kind()
                    + " (every value needs a why:)");
        }
        for (Entry f : m.entries().values()) {
            if (!ENTRY_KEYS.contains(f.key())) throw ProfileErrors.unknownKey(f.keyLoc(), "field", f.key(), ENTRY_KEYS);
        }
        Entry value = m.entries().get("value");
        Entry why = m.entries().get("why");
        if (value == null) throw ProfileErrors.at(k.keyLoc(), k.key() + ": missing value:");
        if (why == null) throw ProfileErrors.at(k.keyLoc(), k.key() + ": missing why: (every value says why it is set)");
        String whyText = string(why.value(), "why").trim();
        if (whyText.isEmpty()) throw ProfileErrors.at(why.value().loc(), k.key() + ": why: is empty");
        Optional<String> when = Optional.empty();
        Entry w = m.entries().get("when");
        if (w != null) {
            String c = string(w.value(), "when");
            if (!Schema.CONDITIONS.contains(c)) throw ProfileErrors.unknownKey(w.value().loc(), "condition", c, Schema.CONDITIONS);
            when = Optional.of(c);
        }
        if (s == Section.SERVICE && Schema.CGROUP_V2_ONLY.contains(k.key()) && !when.equals(Optional.of("cgroup-v2"))) {
            throw ProfileErrors.at(k.keyLoc(), k.key() + ": add when: cgroup-v2 (systemd ignores " + k.key() + "= on cgroup v1 and hybrid hosts)");
        }
        String raw = raw(spec, value.value(), k.key());
        Loc vloc = valueStart(value.value().loc(), text);
        ValueChecks.check(spec, raw, vloc);
        return new ProfileDoc.Setting(s, k.key(), raw, whyText.replaceAll("\\s+", " "), when, k.keyLoc(), vloc, profile);
    }

    /** The value as text, after checking its YAML type fits the key's type. */
    private static String raw(Schema.Key spec, Node v, String key) {
        if (v instanceof ListNode l && spec.type() == Schema.Type.CHOICE && spec.path() != null) {
            // a sysfs choice may list fallbacks: the first one the target kernel offers is used
            if (l.items().isEmpty()) throw ProfileErrors.at(v.loc(), key + ": the list of choices is empty");
            List<String> options = new ArrayList<>();
            for (Node i : l.items()) {
                String o = raw(spec, i, key);
                ValueChecks.check(spec, o, i.loc());
                options.add(o);
            }
            return String.join(CHOICE_SEPARATOR, options);
        }
        if (!(v instanceof Scalar sc) || sc.type() == ScalarType.NULL) {
            throw ProfileErrors.at(v.loc(), key + ": expected " + expected(spec) + ", found " + v.kind());
        }
        Set<ScalarType> ok = switch (spec.type()) {
            case INT, TASKS, DURATION, GOMAXPROCS -> Set.of(ScalarType.INT, ScalarType.STRING);
            case VECTOR -> spec.fields() == 1 ? Set.of(ScalarType.INT, ScalarType.STRING) : Set.of(ScalarType.STRING);
            case CHOICE, MEMLIMIT -> Set.of(ScalarType.STRING);
            case MEMORY, CPULIST -> Set.of(ScalarType.INT, ScalarType.STRING);
            case NOFILE -> Set.of(ScalarType.INT, ScalarType.STRING);
        };
        if (!ok.contains(sc.type())) throw ProfileErrors.at(v.loc(), key + ": expected " + expected(spec) + ", found " + v.kind());
        return sc.text().trim();
    }

    static String expected(Schema.Key spec) {
        return switch (spec.type()) {
            case INT -> "a whole number or an expression";
            case VECTOR -> spec.fields() + " whole numbers separated by spaces";
            case CHOICE -> "one of " + String.join(", ", spec.choices()) + (spec.path() != null ? " (or a list of them, first offered wins)" : "");
            case NOFILE -> "SOFT:HARD, one number, or infinity";
            case DURATION -> "a time span such as 2s or 1min";
            case TASKS -> "a number, a percentage or infinity";
            case MEMLIMIT -> "\"N% of memory.max\"";
            case GOMAXPROCS -> "derive or a whole number";
            case MEMORY -> "a memory size such as 512M, a percentage of RAM, or infinity";
            case CPULIST -> "a CPU list such as 0-3,6";
        };
    }

    private static String string(Node n, String what) {
        if (n instanceof Scalar sc && sc.type() != ScalarType.NULL) return sc.text();
        throw ProfileErrors.at(n.loc(), what + ": expected text, found " + n.kind());
    }

    /** The column of the value's first character, past an opening quote. */
    private static Loc valueStart(Loc l, String text) {
        String[] lines = text.split("\n", -1);
        if (l.line() - 1 < lines.length) {
            String line = lines[l.line() - 1];
            int i = l.col() - 1;
            if (i >= 0 && i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'')) return new Loc(l.file(), l.line(), l.col() + 1);
        }
        return l;
    }
}
