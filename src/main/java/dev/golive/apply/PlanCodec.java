package dev.golive.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.PlanConflict;
import dev.golive.model.Source;

import java.util.Optional;

/**
 * {@link Plan} ↔ JSON, exactly: {@code fromJson(toJson(p)).equals(p)} for every plan. This is
 * what {@code golive plan --json} prints, what {@code golive apply --plan-file} reads, and what
 * a snapshot manifest keeps under "plan" (docs/snapshots.md). Absent optionals are
 * {@code null}; modes are octal strings; file contents are complete strings.
 */
public final class PlanCodec {

    /** Bumped only for a change an older golive could not read. */
    public static final int FORMAT = 1;

    private PlanCodec() { }

    public static String toJson(Plan p) { return JsonFields.write(toTree(p)); }

    /** {@code source} names the text in error messages (a file name). Bad input: one line, exit 2. */
    public static Plan fromJson(String source, String json) { return fromTree(source, "", JsonFields.parse(source, json)); }

    /**
     * A plan file for {@code golive apply --plan-file}: read as {@link #fromJson}, then held to
     * what the planner itself writes ({@link PlanFileRules}), so a hand-edited or handed-over
     * file cannot make golive write anything the preview does not show. Bad input: one line, exit 2.
     */
    public static Plan readPlanFile(String source, String json) { return readPlanFile(source, json, key -> false); }

    /** The same, knowing which sysctl keys the target host's kernel has ({@code Session.readPlanFile}). */
    public static Plan readPlanFile(String source, String json, java.util.function.Predicate<String> sysctlExists) {
        return PlanFileRules.check(source, fromJson(source, json), JsonFields.locations(json), sysctlExists);
    }

    static ObjectNode toTree(Plan p) {
        ObjectNode o = JsonFields.object();
        o.put("format", FORMAT);
        o.put("id", p.id());
        o.put("profile", p.profile());
        JsonFields.putOpt(o, "service", p.service());
        ArrayNode files = o.putArray("files");
        for (FileChange f : p.files()) {
            ObjectNode j = files.addObject();
            j.put("path", f.path());
            JsonFields.putOpt(j, "before", f.before());
            JsonFields.putOpt(j, "after", f.after());
            j.put("mode", JsonFields.mode(f.mode()));
            j.put("owner", f.owner());
            j.put("group", f.group());
            j.put("why", f.why());
        }
        ArrayNode live = o.putArray("live");
        for (LiveChange l : p.live()) {
            ObjectNode j = live.addObject();
            j.put("key", l.key());
            j.put("path", l.path());
            j.put("format", l.format().name());
            j.put("before", l.before());
            j.put("after", l.after());
            j.put("perNamespace", l.perNamespace());
            j.put("why", l.why());
        }
        ArrayNode actions = o.putArray("actions");
        for (PlanAction a : p.actions()) {
            ObjectNode j = actions.addObject();
            j.put("kind", a.kind().name());
            JsonFields.putOpt(j, "unit", a.unit());
            j.put("why", a.why());
        }
        ArrayNode conflicts = o.putArray("conflicts");
        for (PlanConflict c : p.conflicts()) {
            ObjectNode j = conflicts.addObject();
            j.put("key", c.key());
            j.put("wanted", c.wanted());
            j.put("winningValue", c.winningValue());
            ObjectNode w = j.putObject("winner");
            w.put("path", c.winner().path());
            w.put("line", c.winner().line());
            j.put("why", c.why());
        }
        ArrayNode manual = o.putArray("manualSteps");
        p.manualSteps().forEach(manual::add);
        if (p.firstBoot().isPresent()) {
            ObjectNode fb = o.putObject("firstBoot");
            fb.put("checkedAgainst", p.firstBoot().get().checkedAgainst());
            fb.put("systemd", p.firstBoot().get().systemd());
            ArrayNode values = fb.putArray("values");
            p.firstBoot().get().values().forEach(values::add);
        } else {
            o.putNull("firstBoot");
        }
        return o;
    }

    static Plan fromTree(String source, String path, JsonNode n) {
        JsonFields.At at = new JsonFields.At(source, path, n);
        JsonNode fmt = n.get("format");
        if (fmt != null && (!fmt.isInt() || fmt.asInt() > FORMAT)) {
            throw at.bad("format", "plan format " + fmt + " is newer than this golive reads (" + FORMAT + ")");
        }
        return at.build(() -> new Plan(
                at.str("id"),
                at.str("profile"),
                at.optStr("service"),
                at.list("files", (f, i) -> f.build(() -> new FileChange(f.str("path"), f.optStr("before"), f.optStr("after"),
                        f.mode("mode"), f.str("owner"), f.str("group"), f.str("why")))),
                at.list("live", (l, i) -> l.build(() -> new LiveChange(l.str("key"), l.str("path"),
                        l.enumOf("format", LiveChange.Format.class), l.str("before"), l.str("after"), l.bool("perNamespace"), l.str("why")))),
                at.list("actions", (a, i) -> a.build(() -> new PlanAction(a.enumOf("kind", PlanAction.Kind.class), a.optStr("unit"), a.str("why")))),
                at.list("conflicts", (c, i) -> c.build(() -> {
                    JsonFields.At w = c.obj("winner");
                    return new PlanConflict(c.str("key"), c.optStr("wanted").orElse(null), c.optStr("winningValue").orElse(null),
                            new Source.File(w.str("path"), w.integer("line")), c.optStr("why").orElse(null));
                })),
                at.strings("manualSteps"),
                // absent in plans written before image trees had no live values
                n.get("firstBoot") == null || n.get("firstBoot").isNull() ? Optional.empty() : Optional.of(firstBoot(at.obj("firstBoot")))));
    }

    private static Plan.FirstBoot firstBoot(JsonFields.At fb) {
        return fb.build(() -> new Plan.FirstBoot(fb.str("checkedAgainst"), fb.str("systemd"), fb.strings("values")));
    }
}
