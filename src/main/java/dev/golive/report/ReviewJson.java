package dev.golive.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review as JSON, schema 1 (docs/report-json.md): the {@link Review} records by their
 * component names, a missing piece as {"available": false, "reason": …}, a present one as
 * {"available": true, "value": …}. ReviewJsonTest pins the field names, so a renamed
 * record component fails a test instead of silently changing the schema.
 */
public final class ReviewJson {

    public static final int SCHEMA = 1;

    private ReviewJson() { }

    public static String render(Review r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("kind", "golive-review");
        root.put("generatedAt", r.generatedAt());
        root.put("golive", r.golive());
        root.put("host", r.host());
        root.put("service", r.service());
        root.put("overview", r.overview());
        root.put("summary", r.summary());
        root.put("findings", r.findings());
        root.put("plan", part(r.plan()));
        root.put("unit", part(r.unit()));
        root.put("snapshots", part(r.snapshots()));
        return Json.write(root);
    }

    static Map<String, Object> part(Part<?> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", p.available());
        if (p instanceof Part.Available<?> a) m.put("value", a.value());
        else m.put("reason", ((Part.Unavailable<?>) p).reason());
        return m;
    }
}
