package dev.golive.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.FinishPlan;
import dev.golive.model.LiveChange;
import dev.golive.model.PlanAction;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * manifest.json ↔ {@link Manifest} (docs/snapshots.md). "state" is written third, within
 * the first bytes, so that every golive start can peek at it ({@link #peekState}) without
 * parsing whole manifests.
 */
final class ManifestCodec {

    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([a-z-]+)\"");

    private ManifestCodec() { }

    static String toJson(Manifest m) {
        ObjectNode o = JsonFields.object();
        o.put("format", Manifest.FORMAT);
        o.put("id", m.id());
        o.put("state", m.state().text());
        o.put("root", m.root());
        o.put("createdAt", m.createdAt().toString());
        o.put("updatedAt", m.updatedAt().toString());
        ArrayNode files = o.putArray("files");
        for (Manifest.FileEntry f : m.files()) {
            ObjectNode j = files.addObject();
            j.put("path", f.path());
            j.put("existed", f.existed());
            if (f.existed()) {
                j.put("mode", JsonFields.mode(f.mode()));
                j.put("owner", f.owner());
                j.put("group", f.group());
                j.put("sha256", f.sha256());
                j.put("copy", f.copy());
            }
            ObjectNode a = j.putObject("after");
            a.put("removes", f.removes());
            if (!f.removes()) {
                a.put("sha256", f.afterSha256());
                a.put("mode", JsonFields.mode(f.afterMode()));
                a.put("owner", f.afterOwner());
                a.put("group", f.afterGroup());
            }
        }
        ArrayNode dirs = o.putArray("createdDirs");
        m.createdDirs().forEach(dirs::add);
        ArrayNode live = o.putArray("live");
        for (Manifest.LiveEntry l : m.live()) {
            ObjectNode j = live.addObject();
            j.put("key", l.key());
            j.put("path", l.path());
            j.put("format", l.format().name());
            j.put("before", l.before());
            j.put("after", l.after());
            j.put("perNamespace", l.perNamespace());
        }
        ArrayNode actions = o.putArray("actions");
        for (Manifest.ActionEntry a : m.actions()) {
            ObjectNode j = actions.addObject();
            j.put("kind", a.kind().name());
            JsonFields.putOpt(j, "unit", a.unit());
            j.put("status", a.status());
        }
        JsonFields.putOpt(o, "failure", m.failure());
        ArrayNode notes = o.putArray("notes");
        m.notes().forEach(notes::add);
        o.set("plan", PlanCodec.toTree(m.plan()));
        if (!m.finish().isEmpty()) {
            ArrayNode finish = o.putArray("finish");
            for (Manifest.FinishEntry f : m.finish()) {
                ObjectNode j = finish.addObject();
                j.put("kind", f.kind().name());
                j.put("target", f.target());
                if (!f.line().isEmpty()) j.put("line", f.line());
                if (f.owner() != null) j.put("owner", f.owner());
                if (f.group() != null) j.put("group", f.group());
                if (f.before() != null) j.put("before", f.before());
                if (f.copy() != null) j.put("copy", f.copy());
                if (f.afterSha256() != null) j.put("afterSha256", f.afterSha256());
                j.put("status", f.status());
            }
        }
        return JsonFields.write(o);
    }

    static Manifest fromJson(String source, String json) {
        JsonNode n = JsonFields.parse(source, json);
        JsonFields.At at = new JsonFields.At(source, "", n);
        JsonNode fmt = n.get("format");
        if (fmt == null || !fmt.isInt() || fmt.asInt() > Manifest.FORMAT) throw at.bad("format", "unknown manifest format " + fmt);
        Manifest.State state = Manifest.State.of(at.str("state")).orElseThrow(() -> at.bad("state", "unknown state \"" + at.str("state") + "\""));
        return at.build(() -> new Manifest(
                at.str("id"), state, at.str("root"), instant(at, "createdAt"), instant(at, "updatedAt"),
                at.list("files", (f, i) -> {
                    boolean existed = f.bool("existed");
                    JsonFields.At a = f.obj("after");
                    boolean removes = a.bool("removes");
                    return new Manifest.FileEntry(f.str("path"), existed,
                            existed ? f.mode("mode") : 0, existed ? f.str("owner") : null, existed ? f.str("group") : null,
                            existed ? sha(f, "sha256") : null, existed ? f.str("copy") : null,
                            removes ? null : sha(a, "sha256"), removes ? 0 : a.mode("mode"),
                            removes ? null : a.str("owner"), removes ? null : a.str("group"));
                }),
                at.strings("createdDirs"),
                at.list("live", (l, i) -> new Manifest.LiveEntry(l.str("key"), l.str("path"), l.enumOf("format", LiveChange.Format.class),
                        l.str("before"), l.str("after"), l.bool("perNamespace"))),
                at.list("actions", (a, i) -> new Manifest.ActionEntry(a.enumOf("kind", PlanAction.Kind.class), a.optStr("unit"), a.str("status"))),
                at.optStr("failure"),
                at.strings("notes"),
                PlanCodec.fromTree(source, "plan", at.obj("plan").node()),
                n.has("finish") ? at.list("finish", (f, i) -> new Manifest.FinishEntry(f.enumOf("kind", FinishPlan.Kind.class),
                        f.str("target"), f.optStr("line").orElse(""), f.optStr("owner").orElse(null), f.optStr("group").orElse(null),
                        f.optStr("before").orElse(null), f.optStr("copy").orElse(null),
                        f.optStr("afterSha256").orElse(null), f.str("status"))) : java.util.List.of()));
    }

    /** The state from the first bytes of a manifest, or empty when it cannot be seen there. */
    static Optional<Manifest.State> peekState(byte[] head) {
        Matcher m = STATE.matcher(new String(head, java.nio.charset.StandardCharsets.UTF_8));
        return m.find() ? Manifest.State.of(m.group(1)) : Optional.empty();
    }

    private static String sha(JsonFields.At at, String field) {
        String s = at.str(field);
        if (!s.matches("[0-9a-f]{64}")) throw at.bad(field, "expected a SHA-256 in hex");
        return s;
    }

    private static Instant instant(JsonFields.At at, String field) {
        try {
            return Instant.parse(at.str(field));
        } catch (DateTimeParseException e) {
            throw at.bad(field, "expected an ISO-8601 instant");
        }
    }
}
