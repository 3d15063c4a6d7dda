package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;

/**
 * Where `golive check` gets its facts: the real Session by default, a fixed HostFacts in
 * tests. {@code service} is a unit name (app.service) or null.
 */
@FunctionalInterface
public interface FactsSource {

    HostFacts facts(String root, String service);

    /** The host through Session; a service is inspected through its cgroup and must come back with its facts. */
    static FactsSource session() {
        return (root, service) -> {
            try (Session s = Session.open(root)) {
                if (service == null) return s.inspect();
                HostFacts f = s.inspect("/system.slice/" + service);
                if (f.service().isEmpty()) {
                    throw GoliveException.environment("--service " + service + ": this build cannot inspect service units yet; run without --service");
                }
                return f;
            }
        };
    }
}
