package dev.golive.app;

import dev.golive.config.UnitResolver;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.GoVersion;
import dev.golive.model.HostFacts;
import dev.golive.model.NofileLimit;
import dev.golive.model.OwnedFiles;
import dev.golive.model.PlanConflict;
import dev.golive.model.ServiceFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.model.UnitFileInfo;
import dev.golive.plan.OwnedFileState;
import dev.golive.plan.ServiceFiles;
import dev.golive.profile.ServiceSettings;
import dev.golive.unit.CurrentUnitFiles;
import dev.golive.unit.DropInEffect;
import dev.golive.unit.GoRuntimeDerivation;
import dev.golive.unit.RenderedUnit;
import dev.golive.unit.ServiceBinary;
import dev.golive.unit.SpecCheck;
import dev.golive.unit.SpecFromUnit;
import dev.golive.unit.SpecValidator;
import dev.golive.unit.UnitOverrides;
import dev.golive.unit.UnitRenderer;
import dev.golive.unit.UnitScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The one derivation of what golive writes for a service, for every front end (`golive unit`,
 * `plan`, `apply`, `export`, the TUI, the guide): the unit on the host today, the spec as
 * asked, the profile's service settings and the picked fixes → a new unit, golive's unit
 * re-edited, or a drop-in on a unit golive did not write.
 *
 * <p>On a unit golive did not write, untouched means untouched: the drop-in holds only what
 * changes the unit as it is without golive's drop-in (an asked value the unit already has,
 * systemd's default restart policy, a variable it already sets: all left out), the Go
 * runtime is tuned only when the spec or the profile says derive, and a drop-in with nothing
 * left is no file (golive's old one, if any, is removed).
 */
public final class ServiceUnits implements ServiceFiles {

    private final HostRoot root;
    private final boolean tighten;

    /** {@code tighten}: the admin asked (--tighten) for sandboxing, task limit and restart changes on a unit golive did not write. */
    public ServiceUnits(HostRoot root, boolean tighten) {
        this(root, tighten, Optional.empty());
    }

    /** The binary {@code apply --finish --binary FILE} installs: its path on this machine and its bytes. */
    public record Installing(String from, byte[] bytes) { }

    private final Optional<Installing> installing;

    /** {@code installing}: a new unit's ExecStart program is this file (apply --finish --binary), not what the host has now. */
    public ServiceUnits(HostRoot root, boolean tighten, Optional<Installing> installing) {
        this(root, tighten, installing, UnaryOperator.identity());
    }

    /** How a plan's validation names a spec field: as the front end's input calls it (a spec file's file:line:col, an option). */
    private final UnaryOperator<String> labels;

    private ServiceUnits(HostRoot root, boolean tighten, Optional<Installing> installing, UnaryOperator<String> labels) {
        this.root = root;
        this.tighten = tighten;
        this.installing = installing;
        this.labels = labels;
    }

    @Override public ServiceFiles labelled(UnaryOperator<String> labels) {
        return new ServiceUnits(root, tighten, installing, labels);
    }

    /**
     * Everything derived for one service: the spec as rendered (for a drop-in only what
     * changes), the rendered file, the binary it starts, the validation, and the file changes
     * a plan carries (none for a drop-in with nothing to change).
     */
    public record Derived(ServiceSpec spec, RenderedUnit unit, ServiceBinary binary, SpecCheck check, List<FileChange> files) { }

    /**
     * @param asked     the spec as the front end gave it
     * @param profile   the profile's service settings ({@link ServiceSettings#NONE} for `golive unit`)
     * @param envFixes  environment variables of picked fixes (they win over the spec's)
     * @param current   owned paths as the planner read them; paths not in it are read from the host
     * @param goModGo   the go line of the service's go.mod when the admin named one, else the inspected one
     */
    public Derived derive(HostFacts facts, ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes,
                          List<FixChange> unitChanges, Map<String, OwnedFileState> current, String planId,
                          Optional<GoVersion> goModGo, UnaryOperator<String> labels) {
        return derive(facts, asked, profile, envFixes, unitChanges, current, planId, goModGo, labels, false);
    }

    /** {@code preview}: the binary missing on the live host is the check's error, not thrown, so the unit still renders. */
    private Derived derive(HostFacts facts, ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes,
                           List<FixChange> unitChanges, Map<String, OwnedFileState> current, String planId,
                           Optional<GoVersion> goModGo, UnaryOperator<String> labels, boolean preview) {
        SpecValidator.checkName(asked, labels); // before the name becomes a path
        String unit = asked.unitName();
        String dropInPath = OwnedFiles.unitDropIn(unit);
        CurrentUnitFiles files = files(unit, current);
        boolean dropIn = UnitRenderer.isDropIn(files);
        String golivesPath = dropIn ? dropInPath : OwnedFiles.unit(unit);
        Optional<String> golives = golives(files);
        var kept0 = withGolivesLines(facts, asked, profile, envFixes, files, labels);
        ServiceSpec wanted = kept0.spec();
        List<String> keptNotes = kept0.notes();
        // golive's lines of an earlier --tighten stay as they are on a run that does not ask to tighten (not brought up to date unasked)
        List<dev.golive.model.UnitDirective> tightened = !dropIn || tighten ? List.of()
                : golives.map(g -> dev.golive.unit.GolivesLines.tighteningLines(golivesPath, g)).orElse(List.of());
        List<String> said = new ArrayList<>(keptNotes);
        if (!tightened.isEmpty()) {
            said.add("golive's sandboxing, restart and task-limit lines of an earlier --tighten on " + unit + " stay as they are ("
                    + tightened.get(0).source().describe() + "); --tighten brings them to this golive's level, --tighten with "
                    + labels.apply("hardening") + " none takes the sandboxing away");
        }
        // the unit as it is without golive's drop-in: what a drop-in line must change to be written
        UnitResolver.Resolution today = UnitResolver.resolve(root, unit, dropIn ? Set.of(dropInPath) : Set.of());
        ServiceSpec rendered = wanted;
        ServiceSpec running = wanted;
        Optional<ServiceSpec.Restart> restartToday = Optional.empty();
        if (dropIn) {
            ServiceSpec.GoRuntime go = wanted.go();
            if (go.mode() == ServiceSpec.GoRuntime.Mode.DEFAULT) wanted = withGo(wanted, ServiceSpec.GoRuntime.OFF);
            SpecFromUnit was = SpecFromUnit.of(serviceFacts(facts, unit, today), facts);
            if (asked.resources().nofile().isEmpty()) {
                ServiceSpec w = wanted;
                Optional<NofileLimit> floor = notLowering(wanted.resources().nofile(), was.spec().resources().nofile());
                floor.filter(f -> !f.equals(w.resources().nofile().get())).ifPresent(f -> said.add("LimitNOFILE=" + w.resources().nofile().get()
                        + " would lower " + unit + "'s " + was.spec().resources().nofile().get() + " ("
                        + was.sources().get(SpecFromUnit.NOFILE).describe() + "): golive raises a unit's open-files limit, never lowers it; "
                        + (f.equals(was.spec().resources().nofile().get()) ? "kept" : "written as " + f)));
                if (floor.isPresent()) wanted = withNofile(wanted, floor.get());
            }
            rendered = was.changesOnly(wanted);
            running = withMemoryLimitOfOldName(was.overlay(wanted), today, facts.systemd().version().opt());
            restartToday = Optional.of(was.spec().restart());
        } else if (wanted.go().mode() == ServiceSpec.GoRuntime.Mode.DEFAULT) {
            rendered = running = withGo(wanted, ServiceSpec.GoRuntime.DERIVE);
        }
        ServiceBinary binary = installing.isPresent() && rendered.exec().isPresent()
                ? ServiceBinary.installing(java.nio.ByteBuffer.wrap(installing.get().bytes()), rendered.exec().get(), installing.get().from())
                : ServiceBinary.forSpec(root, rendered, files);
        SpecCheck check = preview ? SpecValidator.collect(rendered, facts, binary.presence(), labels)
                : SpecValidator.validate(rendered, facts, binary.presence(), labels);
        if (dropIn) {
            // the warnings are about the service as it will run (its unit's User= counts), not about the drop-in alone
            try {
                ServiceSpec runs = new ServiceSpec(running.name(), running.description(), rendered.exec(), rendered.arguments(), running.user(),
                        running.dynamicUser(), running.workingDirectory(), running.stateDirectories(), running.environment(), running.ports(),
                        running.resources(), running.restart(), running.hardening(), running.go(), running.logging(), running.group(), running.healthUrl());
                check = preview ? SpecValidator.collect(runs, facts, binary.presence(), labels)
                        : SpecValidator.validate(runs, facts, binary.presence(), labels);
            } catch (dev.golive.model.GoliveException e) {
                // a value the unit itself has and the admin did not touch: not the drop-in's to refuse
            }
        }
        // "none" removes golive's own line; a limit another file sets stays, and the admin is told where and how to lift it
        List<String> kept = new ArrayList<>(kept(asked, unit, today, files, labels));
        kept.addAll(keptNotes);
        if (!kept.isEmpty()) {
            List<String> warnings = new ArrayList<>(check.warnings());
            warnings.addAll(kept);
            check = new SpecCheck(warnings, check.errors());
        }
        Optional<GoVersion> mod = goModGo.isPresent() ? goModGo
                : facts.service().filter(s -> s.name().equals(unit)).flatMap(s -> s.goModGoVersion().opt()).flatMap(GoVersion::parse);
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(running,
                new GoRuntimeDerivation.Inputs(binary.buildInfo(), mod, facts.cpu(), facts.memory()));
        RenderedUnit r = UnitRenderer.render(facts, rendered, go, files, planId, unitChanges,
                new UnitScope(tighten, today.directives(), restartToday, asked.resources().ioWeight().isPresent()).keeping(tightened));
        // what the admin asked that the host's systemd does not know is refused, never dropped (a profile's value is left out with a note)
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, String> e : r.leftOut().entrySet()) {
            if (asks(asked, e.getKey())) refused.add(labels.apply(e.getKey()) + ": " + e.getValue() + ", which would ignore the line: leave it out");
        }
        if (!refused.isEmpty()) {
            if (!preview) throw dev.golive.model.GoliveException.badInput(refused.get(0));
            List<String> errors = new ArrayList<>(check.errors());
            errors.addAll(refused);
            check = new SpecCheck(check.warnings(), errors);
        }
        return new Derived(rendered, r, binary, check, changes(unit, r, said));
    }

    /** Whether the admin asked for {@code field} (a spec field as UnitDirectives names its lines), not a profile or golive's earlier file. */
    private static boolean asks(ServiceSpec a, String field) {
        ServiceSpec.Resources r = a.resources();
        ServiceSpec.Logging l = a.logging();
        return switch (field) {
            case "dynamicUser" -> a.dynamicUser();
            case "group" -> a.group().isPresent();
            case "stateDirectories" -> !a.stateDirectories().isEmpty();
            case "ports" -> !a.ports().isEmpty();
            case "resources.cpuQuota" -> r.cpuQuota().isPresent();
            case "resources.memoryHigh" -> r.memoryHigh().isPresent();
            case "resources.tasksMax" -> r.tasksMax().isPresent();
            case "resources.memoryLow" -> r.memoryLow().isPresent();
            case "resources.memoryMin" -> r.memoryMin().isPresent();
            case "resources.allowedCpus" -> r.allowedCpus().isPresent();
            case "logs.standardOutput" -> l.standardOutput().isPresent();
            case "logs.standardError" -> l.standardError().isPresent();
            case "logs.rateLimitIntervalSec" -> l.rateLimitIntervalSec().isPresent();
            case "logs.rateLimitBurst" -> l.rateLimitBurst().isPresent();
            default -> false;
        };
    }

    /** The unit's files as golive sees them: owned paths as the planner read them ({@code current}), the rest from the host. */
    private CurrentUnitFiles files(String unit, Map<String, OwnedFileState> current) {
        CurrentUnitFiles onHost = CurrentUnitFiles.read(root, unit);
        return new CurrentUnitFiles(unit, owned(current, OwnedFiles.unit(unit)).or(onHost::etcUnit),
                onHost.etcLinkTarget(), onHost.vendorUnit(), owned(current, OwnedFiles.unitDropIn(unit)).or(onHost::dropIn));
    }

    /** golive's own file of the unit: its drop-in on a unit it did not write, or the unit it wrote. */
    private static Optional<String> golives(CurrentUnitFiles files) {
        return (UnitRenderer.isDropIn(files) ? files.dropIn() : files.etcUnit()).filter(OwnedFiles::isOwned);
    }

    /** Asked, the profile and the fixes merged; what golive wrote before and this run does not ask about stays ("none" takes a line away). */
    private static dev.golive.unit.GolivesLines.Kept withGolivesLines(HostFacts facts, ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes,
                                                                      CurrentUnitFiles files, UnaryOperator<String> labels) {
        ServiceSpec merged = ServiceFiles.merged(asked, profile, envFixes);
        Optional<String> golives = golives(files);
        if (golives.isEmpty()) return new dev.golive.unit.GolivesLines.Kept(merged, List.of());
        boolean dropIn = UnitRenderer.isDropIn(files);
        return dev.golive.unit.GolivesLines.keep(merged, dropIn ? OwnedFiles.unitDropIn(asked.unitName()) : OwnedFiles.unit(asked.unitName()),
                golives.get(), dropIn, facts.systemd().managerDefaults(), facts.cgroups().mode().opt(), labels);
    }

    @Override public ServiceSpec wanted(HostFacts facts, ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes,
                                        Map<String, OwnedFileState> current) {
        if (!dev.golive.config.UnitNames.isValid(asked.unitName())) return ServiceFiles.merged(asked, profile, envFixes);
        return withGolivesLines(facts, asked, profile, envFixes, files(asked.unitName(), current), labels).spec();
    }

    /** The same on a live host or a capture (nothing to look inside). */
    public dev.golive.unit.UnitPreview preview(HostFacts facts, ServiceSpec asked, Optional<GoVersion> goModGo, UnaryOperator<String> labels,
                                               String planId, Optional<dev.golive.host.CommandRunner> analyzeWith) {
        return preview(facts, asked, goModGo, labels, planId, analyzeWith, Optional.empty(), dev.golive.model.LogrotateHost.unread());
    }

    /**
     * {@code golive unit} and the TUI's Unit screen: the service alone (no profile, no fixes), analyzed when
     * {@code analyzeWith} is given; {@code tree}: an image tree, which systemd-analyze looks inside;
     * {@code logrotate}: the host's log directories for the rotation shown with the unit.
     */
    public dev.golive.unit.UnitPreview preview(HostFacts facts, ServiceSpec asked, Optional<GoVersion> goModGo, UnaryOperator<String> labels,
                                               String planId, Optional<dev.golive.host.CommandRunner> analyzeWith,
                                               Optional<java.nio.file.Path> tree, dev.golive.model.LogrotateHost logrotate) {
        Derived d = derive(facts, asked, ServiceSettings.NONE, Map.of(), List.of(), Map.of(), planId, goModGo, labels, true);
        // the planner writes the rotation from the spec as asked (merged with no profile here): the same file
        return dev.golive.unit.UnitPreview.of(facts, d.unit(), d.check(), d.binary(), analyzeWith, tree,
                dev.golive.unit.UnitPreview.rotationOf(ServiceFiles.merged(asked, ServiceSettings.NONE, Map.of()), logrotate));
    }

    /**
     * What asking to tighten ({@code --tighten}) would add to or change in the drop-in golive
     * derives for a unit it did not write: one "Key: old → new" per directive, against the unit
     * as systemd resolves it today. {@code refused}: why the unit is never offered it (a
     * container runtime). Nothing for a unit golive writes itself, which it tightens anyway.
     */
    public record Tightening(String unit, Optional<String> refused, List<String> changes) {
        public Tightening {
            java.util.Objects.requireNonNull(refused, "refused");
            changes = List.copyOf(changes);
        }

        /** Whether there is something to ask the admin about. */
        public boolean offered() { return refused.isEmpty() && !changes.isEmpty(); }
    }

    /** {@link #derive}'s arguments once without and once with tightening: the directives that differ. */
    public Tightening tightening(HostFacts facts, ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes,
                                 List<FixChange> unitChanges, Map<String, OwnedFileState> current, String planId,
                                 Optional<GoVersion> goModGo, UnaryOperator<String> labels) {
        String unit = asked.unitName();
        RenderedUnit loose = new ServiceUnits(root, false).derive(facts, asked, profile, envFixes, unitChanges, current, planId, goModGo, labels).unit();
        if (loose.kind() != RenderedUnit.Kind.DROP_IN) return new Tightening(unit, Optional.empty(), List.of());
        Optional<String> runtime = dev.golive.model.ContainerRuntimes.why(unit,
                UnitResolver.resolve(root, unit, Set.of(OwnedFiles.unitDropIn(unit))).directives());
        if (runtime.isPresent()) {
            return new Tightening(unit, Optional.of(runtime.get() + ": sandboxing, a task limit or a kill mode change would break its containers"),
                    List.of());
        }
        RenderedUnit tight = new ServiceUnits(root, true).derive(facts, asked, profile, envFixes, unitChanges, current, planId, goModGo, labels).unit();
        List<String> changes = new ArrayList<>(effect(unit, tight));
        changes.removeAll(effect(unit, loose));
        return new Tightening(unit, Optional.empty(), changes);
    }

    private List<String> effect(String unit, RenderedUnit r) {
        return UnitRenderer.empty(r) ? List.of() : DropInEffect.changes(root, unit, r.path(), r.content());
    }

    /** What {@code asked} answers "none" for that a file golive did not write still sets (UnsetLimits), its fields named by the labels. */
    private static List<String> kept(ServiceSpec asked, String unit, UnitResolver.Resolution today, CurrentUnitFiles files,
                                     UnaryOperator<String> labels) {
        if (asked.resources().unset().isEmpty()) return List.of();
        Set<String> golives = new java.util.HashSet<>(Set.of(OwnedFiles.unitDropIn(unit)));
        if (files.etcUnit().filter(OwnedFiles::isOwned).isPresent()) golives.add(OwnedFiles.unit(unit));
        return dev.golive.unit.UnsetLimits.kept(asked.resources(), today.directives(), golives, labels);
    }

    /**
     * The plan's manual steps for {@code asked}: each limit answered "none" that a file golive
     * did not write keeps setting, as golive unit warns about it (a plan may have no file to say it on).
     */
    @Override public List<String> notes(ServiceSpec asked) {
        if (asked.resources().unset().isEmpty() || !dev.golive.config.UnitNames.isValid(asked.unitName())) return List.of();
        String unit = asked.unitName();
        CurrentUnitFiles onHost = CurrentUnitFiles.read(root, unit);
        // without golive's drop-in: a single-valued setting resolves to its last line, which may be golive's
        return kept(asked, unit, UnitResolver.resolve(root, unit, Set.of(OwnedFiles.unitDropIn(unit))), onHost, labels);
    }

    /** The plan's file for a rendered unit: what the drop-in changes said in its why; no file for an empty drop-in. */
    private List<FileChange> changes(String unit, RenderedUnit r, List<String> keptNotes) {
        FileChange c = r.change();
        if (UnitRenderer.empty(r)) {
            return c.before().map(b -> List.of(new FileChange(c.path(), Optional.of(b), Optional.empty(), c.mode(), c.owner(), c.group(),
                    String.join("\n", withFirst("golive's drop-in on " + unit + " sets nothing any more",
                            DropInEffect.removed(root, unit, c.path(), b, Optional.empty())))))).orElse(List.of());
        }
        List<String> said = new ArrayList<>(r.notes());
        said.addAll(keptNotes);
        // a line golive wrote before and writes no more: what the unit has instead once it is gone
        c.before().filter(OwnedFiles::isOwned).ifPresent(b -> said.addAll(0, DropInEffect.removed(root, unit, c.path(), b, c.after())));
        if (r.kind() == RenderedUnit.Kind.DROP_IN) said.addAll(0, DropInEffect.changes(root, unit, r.path(), r.content()));
        if (said.isEmpty()) return List.of(c);
        // the plan (its text and its JSON) says what the drop-in changes and what was left out
        return List.of(new FileChange(c.path(), c.before(), c.after(), c.mode(), c.owner(), c.group(), c.why() + "\n" + String.join("\n", said)));
    }

    @Override
    public List<FileChange> files(HostFacts facts, ServiceSpec asked, ServiceSettings profile, Map<String, String> envFixes,
                                  List<FixChange> unitChanges, Map<String, OwnedFileState> current, String planId) {
        return derive(facts, asked, profile, envFixes, unitChanges, current, planId, Optional.empty(), labels).files();
    }

    @Override
    public List<FileChange> files(HostFacts facts, ServiceSpec spec, List<FixChange> unitChanges,
                                  Map<String, OwnedFileState> current, String planId) {
        return files(facts, spec, ServiceSettings.NONE, Map.of(), unitChanges, current, planId);
    }

    @Override
    public List<PlanConflict> overrides(ServiceSpec spec, FileChange file) {
        if (file.after().isEmpty()) return List.of();
        return UnitOverrides.find(root, spec.unitName(), file.path(), file.after().get());
    }

    /** The unit's facts with its directives as resolved without golive's drop-in. */
    private static ServiceFacts serviceFacts(HostFacts facts, String unit, UnitResolver.Resolution today) {
        Optional<ServiceFacts> inspected = facts.service().filter(s -> s.name().equals(unit));
        Fact<UnitFileInfo> file = today.file().<Fact<UnitFileInfo>>map(i -> Fact.of(i, Source.File.of(i.path())))
                .orElse(Fact.unknown("no unit file"));
        return inspected.map(s -> new ServiceFacts(s.name(), file, today.directives(), s.binary(), s.environment(), s.cgroupPath(),
                        s.goModGoVersion(), s.securityExposure(), s.verifyMessages()))
                .orElse(new ServiceFacts(unit, file, today.directives(), Fact.unknown("not read"), Map.of(), "/system.slice/" + unit,
                        Fact.unknown("not read"), Fact.unknown("not run"), Fact.unknown("not run")));
    }

    /**
     * MemoryLimit= is the old name of MemoryMax= (systemd.resource-control(5)); a unit that still
     * uses it has that limit where the host's systemd acts on it, so GOMEMLIMIT derives from it as
     * the memory checks read it.
     */
    private static ServiceSpec withMemoryLimitOfOldName(ServiceSpec s, UnitResolver.Resolution today, Optional<Integer> systemd) {
        if (s.resources().memoryMax().isPresent()) return s;
        Optional<String> old = dev.golive.model.SystemdDirectives.memoryCap(k -> today.last("Service", k), systemd)
                .map(d -> d.value().strip());
        if (old.isEmpty()) return s;
        ServiceSpec.Resources r = s.resources();
        return new ServiceSpec(s.name(), s.description(), s.exec(), s.arguments(), s.user(), s.dynamicUser(), s.workingDirectory(),
                s.stateDirectories(), s.environment(), s.ports(),
                new ServiceSpec.Resources(r.cpuQuota(), old, r.memoryHigh(), r.tasksMax(), r.nofile(), r.ioWeight()).withControlsOf(r), s.restart(), s.hardening(), s.go(), s.logging(), s.group(), s.healthUrl());
    }

    /**
     * The profile's LimitNOFILE= against the one the unit has: each side the higher of the two.
     * A vendor's higher limit is on purpose (dockerd, containerd: the containers they start
     * inherit it, and Go restores the original soft limit in the processes it starts), and the
     * profile's value is a floor for Go services (Go raises its soft limit to the hard one).
     * Empty when either is missing.
     */
    static Optional<NofileLimit> notLowering(Optional<NofileLimit> profile, Optional<NofileLimit> unit) {
        if (profile.isEmpty() || unit.isEmpty()) return Optional.empty();
        long hard = Math.max(profile.get().hard(), unit.get().hard());
        return Optional.of(new NofileLimit(Math.min(hard, Math.max(profile.get().soft(), unit.get().soft())), hard));
    }

    private static ServiceSpec withNofile(ServiceSpec s, NofileLimit n) {
        ServiceSpec.Resources r = s.resources();
        return new ServiceSpec(s.name(), s.description(), s.exec(), s.arguments(), s.user(), s.dynamicUser(), s.workingDirectory(),
                s.stateDirectories(), s.environment(), s.ports(),
                new ServiceSpec.Resources(r.cpuQuota(), r.memoryMax(), r.memoryHigh(), r.tasksMax(), Optional.of(n), r.ioWeight()).withControlsOf(r),
                s.restart(), s.hardening(), s.go(), s.logging(), s.group(), s.healthUrl());
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static ServiceSpec withGo(ServiceSpec s, ServiceSpec.GoRuntime go) {
        ServiceSpec.GoRuntime g = new ServiceSpec.GoRuntime(go.mode(), s.go().gomaxprocs(), s.go().gomemlimit(), s.go().memLimitPercent());
        return new ServiceSpec(s.name(), s.description(), s.exec(), s.arguments(), s.user(), s.dynamicUser(), s.workingDirectory(),
                s.stateDirectories(), s.environment(), s.ports(), s.resources(), s.restart(), s.hardening(), g, s.logging(), s.group(), s.healthUrl());
    }

    private static Optional<String> owned(Map<String, OwnedFileState> current, String path) {
        OwnedFileState s = current.get(path);
        return s == null ? Optional.empty() : s.content();
    }
}
