package dev.golive.app;

import dev.golive.apply.Manifest;
import dev.golive.apply.SnapshotStore;
import dev.golive.check.Checker;
import dev.golive.host.RootSpec;
import dev.golive.model.ExitCode;
import dev.golive.model.Fact;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.profile.Recommender;
import dev.golive.report.Part;
import dev.golive.report.Review;
import dev.golive.report.ReviewBuilder;

import java.util.List;
import java.util.Optional;

/**
 * Gathers the pieces of a review for {@link Session#review}: facts (as the service sees the
 * host, when one is named), the check, the recommended profile's plan, and the snapshot
 * history. A piece that cannot be had on this root says why in plain words (a capture has
 * no snapshot directory, no profile fits), never invented content.
 */
final class ReviewAssembly {

    private ReviewAssembly() { }

    static Review assemble(Session s, RootSpec spec, Optional<String> service, String generatedAt, String golive) {
        HostFacts facts = service.map(u -> s.inspectService(u, null)).orElseGet(s::inspect);
        return ReviewBuilder.build(new ReviewBuilder.Inputs(facts, Checker.run(facts), service, plan(s, service),
                snapshots(s, spec), generatedAt, golive));
    }

    /** The top-ranked profile's plan, as `golive plan --profile NAME` would show it (no fixes picked). */
    static Part<ReviewBuilder.RecommendedPlan> plan(Session s, Optional<String> service) {
        List<Recommender.Recommendation> ranked;
        try {
            ranked = s.recommend();
        } catch (GoliveException e) {
            return Part.unavailable("no profile could be recommended: " + e.getMessage());
        }
        if (ranked.isEmpty()) return Part.unavailable("no profile fits this host (see golive profiles)");
        Recommender.Recommendation top = ranked.get(0);
        String reason = String.join("; ", top.reasons()) + " (score " + top.score() + ", " + top.origin() + ")";
        String id = Session.newPlanId();
        try {
            return Part.of(new ReviewBuilder.RecommendedPlan(s.plan(top.profile(), service, List.of(), id), reason));
        } catch (GoliveException e) {
            if (service.isEmpty() || e.exitCode() != ExitCode.ENVIRONMENT) {
                return Part.unavailable("the plan for profile " + top.profile() + " could not be made: " + e.getMessage());
            }
            // the unit renderer is not in this build: the host's part of the plan still stands
            Plan hostOnly = s.plan(top.profile(), Optional.empty(), List.of(), id);
            return Part.of(new ReviewBuilder.RecommendedPlan(hostOnly, reason + "; host settings only: " + e.getMessage()));
        }
    }

    /**
     * The snapshots under /var/lib/golive/snapshots of this root. A capture holds that
     * directory only if it was copied into it; otherwise the history is unknown, not empty.
     */
    static Part<List<Review.SnapshotRow>> snapshots(Session s, RootSpec spec) {
        if (spec.readOnly()) {
            Fact<Boolean> there = spec.root().presence(SnapshotStore.DIR);
            if (!there.known()) return Part.unavailable("this capture does not include " + SnapshotStore.DIR + ", so the snapshot history is unknown");
            if (!there.orElse(false)) return Part.of(List.of());
        }
        try {
            return Part.of(s.snapshots().stream().map(ReviewAssembly::row).toList());
        } catch (GoliveException e) {
            return Part.unavailable("the snapshot history could not be read: " + e.getMessage());
        }
    }

    private static Review.SnapshotRow row(Manifest m) {
        return new Review.SnapshotRow(m.id(), m.createdAt().toString(), m.state().text(), m.plan().profile(), m.plan().service(),
                m.files().size(), m.live().size());
    }
}
