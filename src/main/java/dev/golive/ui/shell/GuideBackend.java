package dev.golive.ui.shell;

import dev.golive.check.CheckReport;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.model.ServiceSpec;

import java.util.List;
import java.util.Optional;

/**
 * What the guided flow needs from the rest of golive. The real one is the app Session; a
 * test may answer from fixed values to exercise the flow's own logic.
 */
public interface GuideBackend {

    HostFacts facts();

    CheckReport check();

    /** Profile names, shipped and user, in display order. */
    List<String> profiles();

    /** The recommended profile and why, if any fits. */
    Optional<Recommendation> recommended();

    record Recommendation(String profile, List<String> reasons) { }

    /** Why nothing may be changed here (a capture, --read-only), or empty. */
    Optional<String> readOnlyReason();

    /** Names in a directory of the host being set up (directories end with '/'), for completion. */
    List<String> listDir(String path);

    /** Login names on the host being set up, for completion. */
    List<String> users();

    /**
     * What is wrong with a service spec, as the unit derivation for every front end sees it
     * (one line, its field named by {@code labels}), or empty when it can be rendered.
     */
    Optional<String> problem(ServiceSpec spec, java.util.function.UnaryOperator<String> labels);

    /**
     * What the unit derivation warns about a spec it accepts (each one line, its field named by
     * {@code labels}), as {@code golive unit} prints them; empty when there is nothing to say.
     */
    List<String> warnings(ServiceSpec spec, java.util.function.UnaryOperator<String> labels);

    /** The spec the host's existing unit {@code unit} amounts to (unit.SpecFromUnit), or empty when there is none. */
    Optional<ServiceSpec> unitSpec(String unit);

    /**
     * The value profile {@code profile} gives the service setting {@code key} (LimitNOFILE, …) on
     * this host, resolved as a plan resolves it; empty when it gives none (or for no profile).
     */
    default Optional<String> profileService(String profile, String key) { return Optional.empty(); }

    Plan plan(String profile, Optional<ServiceSpec> service, List<FixChange> fixes);

    /** The plan as text in its parts: unified diffs, the live-value table, conflicts, manual steps. */
    List<dev.golive.plan.Preview.Section> preview(Plan plan);

    /** Applies the plan (snapshot first); the snapshot id. Throws GoliveException on failure. */
    String apply(Plan plan);

    /**
     * golive verify of the snapshot just applied: did it reach what runs (the same app call as
     * the CLI and the TUI)? Throws GoliveException when it cannot be read here.
     */
    dev.golive.model.Verification verify();

    /**
     * The binary the finish installs ({@code apply --finish --binary}): later plans are checked
     * and derived from it. A problem (no such file, not a regular file) as one line, or empty.
     */
    Optional<String> installing(String binary);

    /** What is wrong with a health URL, as the spec's validator says it, or empty. */
    Optional<String> healthUrlProblem(String url);

    /** What finishing the plan's service takes (the same app call as {@code apply --finish}). */
    dev.golive.model.FinishPlan finishPlan(Plan plan, Optional<String> binary, List<Integer> ports, Optional<String> healthUrl);

    /** Applies the plan and finishes its service in one snapshot. Throws GoliveException on failure. */
    dev.golive.apply.ApplyResult applyAndFinish(Plan plan, dev.golive.model.FinishPlan finish);

    /** Whether the host is the live one (where a started service can be checked). */
    boolean live();

    /** The health step after a finish, on the live host: as {@code apply --finish} waits for it. */
    dev.golive.model.ServiceHealth health(dev.golive.model.FinishPlan finish);
}
