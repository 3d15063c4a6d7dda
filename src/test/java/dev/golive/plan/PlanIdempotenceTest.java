package dev.golive.plan;

import dev.golive.model.FileChange;
import dev.golive.model.HostFacts;
import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.profile.FixtureHosts;
import dev.golive.profile.ProfileCatalog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan carried out on a copy of a fixture host (the files written, the live values set, by
 * this test with plain Files calls), the host inspected again, and planned again with a new
 * id: nothing is left to do. Proves the planner compares bodies without the header and leaves
 * values that are already live and configured alone.
 */
class PlanIdempotenceTest {

    static Stream<Arguments> hostsTimesProfiles() {
        return FixtureHosts.NAMES.stream().flatMap(h -> ProfileCatalog.SHIPPED.stream().map(p -> Arguments.of(h, p)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("hostsTimesProfiles")
    void planningAgainAfterApplyingGivesAnEmptyPlan(String host, String profile, @TempDir Path tmp) throws IOException {
        Path tree = tmp.resolve(host);
        dev.golive.host.Fixtures.copyTree(FixtureHosts.dir(host), tree);
        Plan first = PlanFixtures.plan(tree, FixtureHosts.inspect(tree, "copy"), profile, ProfileCatalog.shipped());
        // the copy plans exactly like the fixture itself (so the test applies a real plan, not an empty one)
        assertThat(first).isEqualTo(PlanFixtures.plan(host, profile));

        for (FileChange f : first.files()) {
            Path p = tree.resolve(f.path().substring(1));
            if (f.after().isPresent()) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.after().get(), StandardCharsets.UTF_8);
            } else {
                Files.delete(p);
            }
        }
        for (LiveChange l : first.live()) {
            Path p = tree.resolve(l.path().substring(1));
            String now = Files.readString(p);
            String next = l.format() != LiveChange.Format.SYSFS_CHOICE ? l.after() + "\n"
                    : now.replace("[", "").replace("]", "").replaceFirst("(^|\\s)" + java.util.regex.Pattern.quote(l.after()) + "(\\s|$)", "$1[" + l.after() + "]$2");
            Files.writeString(p, next);
        }

        HostFacts after = FixtureHosts.inspect(tree, "copy");
        Plan second = PlanFixtures.plan(tree, after, profile, ProfileCatalog.shipped());
        assertThat(second.files()).as("files after apply").isEmpty();
        assertThat(second.live()).as("live values after apply").isEmpty();
        assertThat(second.actions()).as("actions after apply").isEmpty();
        assertThat(second.isEmpty()).isTrue();
    }
}
