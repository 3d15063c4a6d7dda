package dev.golive.report;

import dev.golive.model.HostFacts;

import java.util.LinkedHashMap;
import java.util.Map;

/** `golive inspect --json`: {"schema": 1, "host": HostFacts}. Field names follow the model's record components. */
public final class FactsJson {

    public static final int SCHEMA = 1;

    private FactsJson() { }

    public static String render(HostFacts facts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("host", facts);
        return Json.write(root);
    }
}
