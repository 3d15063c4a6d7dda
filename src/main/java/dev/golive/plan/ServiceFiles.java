package dev.golive.plan;

import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.PlanConflict;
import dev.golive.model.ServiceSpec;
import dev.golive.profile.ServiceSettings;

import java.util.List;
import java.util.Map;

/**
 * The unit files of one service (a new NAME.service, or golive's drop-in on an existing
 * unit), rendered by the unit package. The planner only needs this much of it; the
 * implementation is injected so the planner stays pure and testable without the renderer.
 * Called only when a service is part of the plan.
 */
@FunctionalInterface
public interface ServiceFiles {

    /**
     * The changes to the service's owned unit files (empty when they are already as wanted).
     *
     * @param spec         the service spec with the profile's service: section merged in
     * @param unitChanges  directive fixes the admin picked (UnitDirectiveChange, UnitDirectiveRemoval
     *                     of golive's own drop-in), to be folded into the rendered unit
     * @param current      current state of the owned paths, including the unit and its drop-in
     * @param planId       the snapshot id for the header
     */
    List<FileChange> files(HostFacts facts, ServiceSpec spec, List<FixChange> unitChanges,
                           Map<String, OwnedFileState> current, String planId);

    /**
     * The same from what was asked: {@code asked} as the admin gave it (CLI options, a spec
     * file, the TUI form, the guide), the profile's service settings and the environment
     * variables of picked fixes, which the implementation merges ({@code app.ServiceUnits}
     * does so once for every front end). By default they are merged here and rendered by
     * {@link #files(HostFacts, ServiceSpec, List, Map, String)}.
     */
    default List<FileChange> files(HostFacts facts, ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes,
                                   List<FixChange> unitChanges, Map<String, OwnedFileState> current, String planId) {
        return files(facts, merged(asked, profile, envFixes), unitChanges, current, planId);
    }

    /**
     * The same files, with a refused spec field named by {@code labels} (a spec file's
     * {@code spec.yaml:7:14: resources.memoryMax}, an option's {@code --memory-max}) rather than
     * by its internal name. By default the internal names stay.
     */
    default ServiceFiles labelled(java.util.function.UnaryOperator<String> labels) { return this; }

    /**
     * The service as the plan wants it, for what the planner derives beside the unit (the log
     * rotation, conflicts): {@link #merged}, and in {@code app.ServiceUnits} also what golive
     * wrote before and this run leaves unsaid (its earlier lines stay).
     */
    default ServiceSpec wanted(HostFacts facts, ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes,
                               Map<String, OwnedFileState> current) {
        return merged(asked, profile, envFixes);
    }

    /** The profile's service settings under what the admin asked (explicit values win), then the picked environment fixes. */
    static ServiceSpec merged(ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes) {
        ServiceSpec s = profile.applyTo(asked);
        if (envFixes.isEmpty()) return s;
        Map<String, String> env = new java.util.LinkedHashMap<>(s.environment());
        env.putAll(envFixes);
        return new ServiceSpec(s.name(), s.description(), s.exec(), s.arguments(), s.user(), s.dynamicUser(), s.workingDirectory(),
                s.stateDirectories(), env, s.ports(), s.resources(), s.restart(), s.hardening(), s.go(), s.logging(), s.group(), s.healthUrl());
    }

    /**
     * Settings of golive's rendered {@code file} that systemd would not use because another
     * file of the unit, read later, assigns them (an admin's {@code override.conf}, any drop-in
     * on golive's own unit): each one a conflict naming the winning file:line. Asked for every
     * rendered file, changed or not, so the conflict stays visible after an apply.
     */
    default List<PlanConflict> overrides(ServiceSpec spec, FileChange file) { return List.of(); }

    /**
     * What the admin must know about {@code asked} that no file shows: a limit answered "none"
     * that a file golive did not write keeps setting (file:line, how to lift it). The planner
     * lists these with the manual steps.
     */
    default List<String> notes(ServiceSpec asked) { return List.of(); }

    /** For a build without the unit renderer: a service in the plan is an environment error. */
    ServiceFiles UNAVAILABLE = (facts, spec, changes, current, id) -> {
        throw dev.golive.model.GoliveException.environment("--service " + spec.name()
                + ": this build cannot render unit files yet; plan without --service");
    };
}
