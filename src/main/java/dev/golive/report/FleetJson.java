package dev.golive.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** `golive report --fleet DIR --format json` and `golive diff --json` of many hosts, schema 1 (docs/fleet.md, "Fleet JSON"). */
public final class FleetJson {

    public static final int SCHEMA = 1;

    private FleetJson() { }

    public static String render(Fleet f) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("kind", "golive-fleet");
        root.put("source", f.source());
        root.put("generatedAt", f.generatedAt());
        root.put("golive", f.golive());
        root.put("service", f.service());
        root.put("filter", f.filter());
        root.put("drift", f.drift());
        root.put("hosts", f.hosts());
        root.put("unreadable", f.unreadable());
        root.put("findings", f.findings());
        root.put("headline", f.headline());
        root.put("differing", f.differing());
        return Json.write(root);
    }
}
