package dev.golive.app;

import dev.golive.check.CheckReport;
import dev.golive.check.Checker;
import dev.golive.model.HostFacts;
import dev.golive.report.Part;
import dev.golive.report.Review;
import dev.golive.report.ReviewBuilder;

import java.util.List;
import java.util.Optional;

/**
 * Gathers the pieces of a review for {@link Session#review}: facts (with the service when
 * asked), the check, and each section that another layer provides. A section whose layer is
 * not in this build says so in plain words (never invented content); the lead wires the
 * plan and snapshot layers in here as they land.
 */
final class ReviewAssembly {

    static final String PLAN_NOT_IN_BUILD =
            "the recommended profile's plan is not available in this build (the profile/plan layer is not included yet)";
    static final String SNAPSHOTS_NOT_IN_BUILD =
            "the snapshot history is not available in this build (the apply/snapshot layer is not included yet)";

    private ReviewAssembly() { }

    static Review assemble(HostFacts facts, Optional<String> service, String generatedAt, String golive) {
        CheckReport check = Checker.run(facts);
        Part<ReviewBuilder.RecommendedPlan> plan = Part.unavailable(PLAN_NOT_IN_BUILD);
        Part<List<Review.SnapshotRow>> snapshots = Part.unavailable(SNAPSHOTS_NOT_IN_BUILD);
        return ReviewBuilder.build(new ReviewBuilder.Inputs(facts, check, service, plan, snapshots, generatedAt, golive));
    }
}
