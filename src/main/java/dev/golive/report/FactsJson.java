package dev.golive.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.HostFacts;

/** `golive inspect --json`: {"schema": 1, "host": HostFacts}. Field names follow the model's record components. */
public final class FactsJson {

    public static final int SCHEMA = 1;

    private FactsJson() { }

    public static String render(HostFacts facts) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.set("host", Json.mapper().valueToTree(facts));
        return Json.write(root);
    }
}
