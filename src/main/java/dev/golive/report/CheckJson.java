package dev.golive.report;

import dev.golive.check.CheckReport;
import dev.golive.check.Rule;
import dev.golive.check.RuleCatalog;
import dev.golive.model.CaptureInfo;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Severity;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `golive check --json`, schema 1 (docs/check-json.md). Written field by field, not from the
 * records, so renaming a Java component cannot change the output that scripts depend on.
 * Built as ordered maps and lists and printed by {@link Json}'s streaming generator: an
 * ObjectMapper costs ~40 % of a cold `check --json` to construct.
 */
public final class CheckJson {

    public static final int SCHEMA = 1;

    private CheckJson() { }

    public static String render(CheckReport report, CaptureInfo origin, Severity failOn) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        Map<String, Object> host = new LinkedHashMap<>();
        root.put("host", host);
        host.put("root", origin.root());
        host.put("live", origin.live());
        host.put("hostname", origin.hostname());
        host.put("capturedAt", origin.capturedAt());
        root.put("service", report.serviceName());
        root.put("failOn", failOn.label());
        root.put("failed", report.failsAt(failOn));
        Map<String, Object> sum = new LinkedHashMap<>();
        root.put("summary", sum);
        sum.put("error", report.count(Severity.ERROR));
        sum.put("warn", report.count(Severity.WARN));
        sum.put("info", report.count(Severity.INFO));
        sum.put("rules", report.rulesTotal());
        List<Object> skipped = new ArrayList<>();
        sum.put("skipped", skipped);
        for (CheckReport.Skipped s : report.skipped()) skipped.add(object("id", s.ruleId(), "reason", s.reason()));
        List<Object> findings = new ArrayList<>();
        root.put("findings", findings);
        for (Finding f : report.findings()) {
            Map<String, Object> o = new LinkedHashMap<>();
            findings.add(o);
            o.put("id", f.ruleId());
            o.put("severity", f.severity().label());
            o.put("area", f.area().label());
            o.put("title", f.title());
            o.put("message", f.message());
            List<Object> src = new ArrayList<>();
            o.put("sources", src);
            for (Source s : f.sources()) src.add(source(s));
            if (f.fix().isEmpty()) o.put("fix", null);
            else {
                Map<String, Object> fix = new LinkedHashMap<>();
                o.put("fix", fix);
                fix.put("text", f.fix().get().text());
                List<Object> ch = new ArrayList<>();
                fix.put("changes", ch);
                for (FixChange c : f.fix().get().changes()) ch.add(change(c));
            }
            o.put("reference", RuleCatalog.byId(f.ruleId()).map(Rule::reference).orElse(""));
        }
        return Json.write(root);
    }

    static Map<String, Object> source(Source s) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (s instanceof Source.File f) {
            o.put("kind", "file");
            o.put("path", f.path());
            o.put("line", f.line() > 0 ? f.line() : null);
        } else if (s instanceof Source.Command c) {
            o.putAll(object("kind", "command", "argv", c.argv()));
        } else if (s instanceof Source.Default d) {
            o.putAll(object("kind", "default", "what", d.what()));
        } else if (s instanceof Source.Derived d) {
            o.putAll(object("kind", "derived", "from", d.from()));
        }
        return o;
    }

    static Map<String, Object> change(FixChange c) {
        Map<String, Object> o;
        if (c instanceof FixChange.SysctlChange s) {
            o = object("type", "sysctl", "key", s.key(), "value", s.value());
        } else if (c instanceof FixChange.SysctlRemoval s) {
            o = object("type", "sysctl-remove", "key", s.key(), "path", s.at().path(), "line", s.at().line());
        } else if (c instanceof FixChange.ManagerDefaultChange m) {
            o = object("type", "manager-default", "key", m.key(), "value", m.value());
        } else if (c instanceof FixChange.UnitDirectiveChange u) {
            o = object("type", "unit-directive", "section", u.section(), "key", u.key(), "value", u.value());
        } else if (c instanceof FixChange.UnitDirectiveRemoval u) {
            o = object("type", "unit-directive-remove", "section", u.section(), "key", u.key(), "path", u.at().path(), "line", u.at().line());
        } else if (c instanceof FixChange.ServiceEnvironmentChange e) {
            o = object("type", "service-environment", "name", e.name(), "value", e.value());
        } else if (c instanceof FixChange.SysfsChange f) {
            o = object("type", "sysfs", "key", f.key(), "path", f.path(), "value", f.value());
        } else {
            o = new LinkedHashMap<>();
        }
        o.put("describe", c.describe());
        return o;
    }

    /** An ordered object from name, value, name, value, … */
    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) o.put((String) pairs[i], pairs[i + 1]);
        return o;
    }
}
