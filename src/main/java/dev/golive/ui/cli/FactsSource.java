package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.model.HostFacts;

/**
 * Where `golive check` gets its facts: the real Session by default, a fixed HostFacts in
 * tests. {@code service} is a unit name (app.service) or null.
 */
@FunctionalInterface
public interface FactsSource {

    HostFacts facts(String root, String service, String goModDir);

    /** The same for an image tree whose kernel the admin named (--kernel; null for none). */
    default HostFacts facts(String root, String service, String goModDir, String kernel) {
        if (kernel != null) throw dev.golive.model.GoliveException.badInput("--kernel " + kernel + ": not for these facts");
        return facts(root, service, goModDir);
    }

    /** The host through Session; with a service, as that service sees it (its unit, binary, cgroup). */
    static FactsSource session() {
        return new FactsSource() {
            @Override public HostFacts facts(String root, String service, String goModDir) { return facts(root, service, goModDir, null); }

            @Override public HostFacts facts(String root, String service, String goModDir, String kernel) {
                try (Session s = Session.open(root)) {
                    s.kernel(kernel);
                    return service == null ? s.inspect() : s.inspectService(service, goModDir);
                }
            }
        };
    }
}
