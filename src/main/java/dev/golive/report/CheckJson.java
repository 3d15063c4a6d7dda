package dev.golive.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.check.CheckReport;
import dev.golive.check.Rule;
import dev.golive.check.RuleCatalog;
import dev.golive.model.CaptureInfo;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Severity;
import dev.golive.model.Source;

/**
 * `golive check --json`, schema 1 (docs/check-json.md). Written field by field, not from the
 * records, so renaming a Java component cannot change the output that scripts depend on.
 */
public final class CheckJson {

    public static final int SCHEMA = 1;

    private static final com.fasterxml.jackson.databind.ObjectMapper M = new com.fasterxml.jackson.databind.ObjectMapper();

    private CheckJson() { }

    public static String render(CheckReport report, CaptureInfo origin, Severity failOn) {
        ObjectNode root = M.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode host = root.putObject("host");
        host.put("root", origin.root());
        host.put("live", origin.live());
        if (origin.hostname() == null) host.putNull("hostname"); else host.put("hostname", origin.hostname());
        if (origin.capturedAt() == null) host.putNull("capturedAt"); else host.put("capturedAt", origin.capturedAt());
        if (report.serviceName() == null) root.putNull("service"); else root.put("service", report.serviceName());
        root.put("failOn", failOn.label());
        root.put("failed", report.failsAt(failOn));
        ObjectNode sum = root.putObject("summary");
        sum.put("error", report.count(Severity.ERROR));
        sum.put("warn", report.count(Severity.WARN));
        sum.put("info", report.count(Severity.INFO));
        sum.put("rules", report.rulesTotal());
        ArrayNode skipped = sum.putArray("skipped");
        for (CheckReport.Skipped s : report.skipped()) skipped.addObject().put("id", s.ruleId()).put("reason", s.reason());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("id", f.ruleId());
            o.put("severity", f.severity().label());
            o.put("area", f.area().label());
            o.put("title", f.title());
            o.put("message", f.message());
            ArrayNode src = o.putArray("sources");
            for (Source s : f.sources()) src.add(source(s));
            if (f.fix().isEmpty()) o.putNull("fix");
            else {
                ObjectNode fix = o.putObject("fix");
                fix.put("text", f.fix().get().text());
                ArrayNode ch = fix.putArray("changes");
                for (FixChange c : f.fix().get().changes()) ch.add(change(c));
            }
            o.put("reference", RuleCatalog.byId(f.ruleId()).map(Rule::reference).orElse(""));
        }
        try {
            return M.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write check JSON", e);
        }
    }

    static ObjectNode source(Source s) {
        ObjectNode o = M.createObjectNode();
        if (s instanceof Source.File f) {
            o.put("kind", "file").put("path", f.path());
            if (f.line() > 0) o.put("line", f.line()); else o.putNull("line");
        } else if (s instanceof Source.Command c) {
            o.put("kind", "command").put("argv", c.argv());
        } else if (s instanceof Source.Default d) {
            o.put("kind", "default").put("what", d.what());
        } else if (s instanceof Source.Derived d) {
            o.put("kind", "derived").put("from", d.from());
        }
        return o;
    }

    static ObjectNode change(FixChange c) {
        ObjectNode o = M.createObjectNode();
        if (c instanceof FixChange.SysctlChange s) {
            o.put("type", "sysctl").put("key", s.key()).put("value", s.value());
        } else if (c instanceof FixChange.SysctlRemoval s) {
            o.put("type", "sysctl-remove").put("key", s.key()).put("path", s.at().path()).put("line", s.at().line());
        } else if (c instanceof FixChange.ManagerDefaultChange m) {
            o.put("type", "manager-default").put("key", m.key()).put("value", m.value());
        } else if (c instanceof FixChange.UnitDirectiveChange u) {
            o.put("type", "unit-directive").put("section", u.section()).put("key", u.key()).put("value", u.value());
        } else if (c instanceof FixChange.UnitDirectiveRemoval u) {
            o.put("type", "unit-directive-remove").put("section", u.section()).put("key", u.key())
                    .put("path", u.at().path()).put("line", u.at().line());
        } else if (c instanceof FixChange.ServiceEnvironmentChange e) {
            o.put("type", "service-environment").put("name", e.name()).put("value", e.value());
        } else if (c instanceof FixChange.SysfsChange f) {
            o.put("type", "sysfs").put("key", f.key()).put("path", f.path()).put("value", f.value());
        }
        o.put("describe", c.describe());
        return o;
    }
}
