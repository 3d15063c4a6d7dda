package dev.golive.app;

import dev.golive.model.Plan;
import dev.golive.report.Part;
import dev.golive.report.Review;
import dev.golive.report.ReviewMarkdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** `golive report` end to end through the Session: the pieces other layers provide, filled from the real code. */
class SessionReviewTest {

    static Path fixture(String name) {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(name);
    }

    @Test
    void aCaptureGetsTheRecommendedPlanButNoSnapshotHistory() {
        try (Session s = Session.open(fixture("debian12-vm").toString())) {
            Review r = s.review(null, Instant.parse("2026-01-01T00:00:00Z"), "golive test");
            String top = s.recommend().get(0).profile();
            assertThat(r.plan()).isInstanceOfSatisfying(Part.Available.class, a -> {
                Review.PlanView p = (Review.PlanView) a.value();
                assertThat(p.profile()).isEqualTo(top);
                assertThat(p.files()).isNotEmpty().allSatisfy(f -> assertThat(f.diff()).startsWith("--- "));
                assertThat(p.live()).isNotEmpty();
            });
            assertThat(r.snapshots()).isEqualTo(Part.unavailable(
                    "this capture does not include /var/lib/golive/snapshots, so the snapshot history is unknown"));
            assertThat(r.unit().available()).isFalse();
        }
    }

    @Test
    void aServiceBringsItsUnitWithTheExposureScoreFromTheCapture() {
        try (Session s = Session.open(fixture("debian12-vm").toString())) {
            Review r = s.review("api", Instant.parse("2026-01-01T00:00:00Z"), "golive test");
            assertThat(r.service()).hasValue("api.service");
            Review.UnitView u = (Review.UnitView) ((Part.Available<?>) r.unit()).value();
            assertThat(u.path()).hasValue("/etc/systemd/system/api.service");
            assertThat(u.dropIns()).containsExactly("/etc/systemd/system/api.service.d/override.conf");
            assertThat(u.exposure()).isPresent();
            assertThat(ReviewMarkdown.render(r)).contains("| [Service] ExecStart | /opt/api/bin/api -config /etc/api/config.yaml |");
            // the recommended plan covers the service too: golive's drop-in on its unit
            Review.PlanView p = (Review.PlanView) ((Part.Available<?>) r.plan()).value();
            assertThat(p.files()).extracting(Review.FileView::path).contains("/etc/systemd/system/api.service.d/60-golive.conf");
        }
    }

    @Test
    void onATargetTreeTheHistoryShowsTheApplyAndThePlanIsThenEmpty(@TempDir Path tmp) throws IOException {
        Path tree = tmp.resolve("host");
        dev.golive.host.Fixtures.copyTree(fixture("debian12-vm"), tree);
        Files.delete(tree.resolve("golive-capture.json")); // a target tree golive may write into
        String profile;
        try (Session s = Session.open(tree.toString())) {
            Review before = s.review(null, Instant.now(), "golive test");
            assertThat(before.snapshots()).isEqualTo(Part.of(List.of()));
            assertThat(ReviewMarkdown.render(before)).contains("No snapshots: golive has not applied anything on this host.");
            profile = ((Review.PlanView) ((Part.Available<?>) before.plan()).value()).profile();
            Plan plan = s.plan(profile, Optional.empty(), List.of(), Session.newPlanId());
            s.apply(plan, false);
        }
        try (Session s = Session.open(tree.toString())) {
            Review after = s.review(null, Instant.now(), "golive test");
            @SuppressWarnings("unchecked")
            List<Review.SnapshotRow> rows = ((Part.Available<List<Review.SnapshotRow>>) after.snapshots()).value();
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.state()).isEqualTo("applied");
                assertThat(row.profile()).isEqualTo(profile);
                assertThat(row.files()).isPositive();
            });
            Review.PlanView again = (Review.PlanView) ((Part.Available<?>) after.plan()).value();
            assertThat(again.files()).isEmpty();
            assertThat(again.live()).isEmpty();
            assertThat(ReviewMarkdown.render(after)).contains("Nothing to change: the host is already as the profile asks.");
        }
    }

}
