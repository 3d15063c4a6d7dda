package dev.golive.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule golive knows, in a stable order (by area, then as listed in each area's class).
 * IDs never change meaning; a retired rule keeps its ID out of reuse.
 */
public final class RuleCatalog {

    private static final List<Rule> ALL;
    private static final Map<String, Rule> BY_ID;

    static {
        List<Rule> all = new ArrayList<>();
        all.addAll(CpuRules.all());
        all.addAll(MemoryRules.all());
        all.addAll(FdRules.all());
        all.addAll(NetworkRules.all());
        all.addAll(CgroupRules.all());
        all.addAll(UnitRules.all());
        all.addAll(UnitSecurityRules.all());
        all.addAll(GoToolchainRules.all());
        all.addAll(SysctlConfigRules.all());
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : all) {
            if (byId.put(r.id(), r) != null) throw new IllegalStateException("duplicate rule id " + r.id());
        }
        ALL = Collections.unmodifiableList(all);
        BY_ID = Collections.unmodifiableMap(byId);
    }

    private RuleCatalog() { }

    public static List<Rule> all() { return ALL; }

    public static Optional<Rule> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id.trim().toUpperCase(Locale.ROOT)));
    }

    /** The closest known ID to a mistyped one (for "did you mean"), if any is reasonably close. */
    public static Optional<String> suggest(String id) {
        if (id == null) return Optional.empty();
        String q = id.trim().toUpperCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String known : BY_ID.keySet()) {
            int d = known.contains(q) && q.length() >= 4 ? 1 : distance(q, known);
            if (d < bestD) { bestD = d; best = known; }
        }
        return best != null && bestD <= Math.max(3, q.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
