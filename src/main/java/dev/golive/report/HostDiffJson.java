package dev.golive.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** `golive diff --json`, schema 1 (docs/report-json.md, "golive diff"): the {@link HostDiff} record by component names. */
public final class HostDiffJson {

    public static final int SCHEMA = 1;

    private HostDiffJson() { }

    public static String render(HostDiff d) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("kind", "golive-diff");
        root.put("identical", d.identical());
        root.put("a", d.a());
        root.put("b", d.b());
        root.put("facts", d.facts());
        root.put("onlyInA", d.onlyInA());
        root.put("onlyInB", d.onlyInB());
        root.put("changedFindings", d.changedFindings());
        root.put("files", d.files());
        return Json.write(root);
    }
}
