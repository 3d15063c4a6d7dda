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

    /** The host through Session; with a service, as that service sees it (its unit, binary, cgroup). */
    static FactsSource session() {
        return (root, service, goModDir) -> {
            try (Session s = Session.open(root)) {
                return service == null ? s.inspect() : s.inspectService(service, goModDir);
            }
        };
    }
}
