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
        all.addAll(UnitFileRules.all());
        all.addAll(UnitLogRules.all());
        all.addAll(LogrotateRules.all());
        all.addAll(UnitNetworkRules.all());
        all.addAll(GoToolchainRules.all());
        all.addAll(BinaryRules.all());
        all.addAll(GoEnvRules.all());
        all.addAll(SysctlConfigRules.all());
        all.addAll(SysctlBootRules.all());
        all.addAll(ConfigLineRules.all());
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : all) {
            if (byId.put(r.id(), r) != null) throw new IllegalStateException("duplicate rule id " + r.id());
        }
        ALL = Collections.unmodifiableList(all);
        BY_ID = Collections.unmodifiableMap(byId);
    }

    private RuleCatalog() { }

    public static List<Rule> all() { return ALL; }

    /** A host rule, or a manifest rule ({@link ManifestRules}: golive check --manifest), by its ID. */
    public static Optional<Rule> byId(String id) {
        if (id == null) return Optional.empty();
        String key = id.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(BY_ID.get(key)).or(() -> ManifestRules.all().stream().filter(r -> r.id().equals(key)).findFirst());
    }

    /** The closest known ID to a mistyped one (for "did you mean"), if any is reasonably close. */
    public static Optional<String> suggest(String id) {
        if (id == null) return Optional.empty();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(BY_ID.keySet());
        ManifestRules.all().forEach(r -> ids.add(r.id()));
        return dev.golive.model.Suggest.closest(id.trim().toUpperCase(Locale.ROOT), ids);
    }
}
