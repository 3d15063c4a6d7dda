package dev.golive.plan;

import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.profile.FixtureHosts;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.ProfileResolver;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Plans a shipped profile on a fixture host (or any tree) the way `golive plan --root DIR` does. */
final class PlanFixtures {
    private PlanFixtures() { }

    static final String ID = "20240305-091427-test";

    static Plan plan(String host, String profile) { return plan(FixtureHosts.dir(host), FixtureHosts.facts(host), profile, ProfileCatalog.shipped()); }

    static Plan plan(Path tree, HostFacts facts, String profile, ProfileCatalog catalog) {
        Profile p = ProfileResolver.resolve(catalog, profile, facts);
        Map<String, OwnedFileState> current = OwnedFilesReader.read(new DirectoryHostRoot(tree, false, tree.toString(), new AccessLog()),
                OwnedFilesReader.paths(Optional.empty()));
        return new Planner(ServiceFiles.UNAVAILABLE).plan(facts, p, current, ID);
    }
}
