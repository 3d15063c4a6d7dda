package dev.golive.app;

import dev.golive.apply.AuditLog;
import dev.golive.model.AuditEntry;

import dev.golive.config.UnitNames;
import dev.golive.apply.ApplyResult;
import dev.golive.apply.Applier;
import dev.golive.apply.HostTarget;
import dev.golive.apply.Manifest;
import dev.golive.apply.Rollback;
import dev.golive.apply.RollbackResult;
import dev.golive.apply.SnapshotStore;
import dev.golive.apply.SnapshotView;
import dev.golive.host.AccessLog;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.host.Privileges;
import dev.golive.host.CaptureManifest;
import dev.golive.host.CaptureWriter;
import dev.golive.inspect.Inspector;
import dev.golive.host.RecordingCommandRunner;
import dev.golive.host.RootSpec;
import dev.golive.model.CaptureInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;

import dev.golive.host.CommandRunner;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.GoVersion;
import dev.golive.model.ServiceSpec;
import dev.golive.unit.UnitPreview;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Plan;
import dev.golive.plan.OwnedFilesReader;
import dev.golive.plan.PlanInput;
import dev.golive.plan.Planner;
import dev.golive.plan.ServiceFiles;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.ProfileResolver;
import dev.golive.profile.Recommender;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The one facade the UIs talk to: which host (live, capture, target tree), what golive did
 * on it (the access log), and the operations. UIs never reach into host/config directly.
 */
public final class Session implements AutoCloseable {

    private final RootSpec spec;
    private final AccessLog log;
    private HostFacts facts;
    private List<String> profileDirs = defaultProfileDirs();
    private ServiceFiles serviceFiles;
    private boolean tighten;
    /** Fault points for apply/rollback: armed from GOLIVE_FAULT unless a test sets them. */
    private FaultPoints faults;
    private IntSupplier uid = Privileges::effectiveUid;
    /** --kernel: the kernel an image tree without /proc/sys will boot. */
    private Optional<dev.golive.model.KernelVersion> kernel = Optional.empty();

    private Session(RootSpec spec, AccessLog log) {
        this.spec = spec;
        this.serviceFiles = new ServiceUnits(spec.root(), false);
        this.log = log;
    }

    /** {@code root}: null for the live host, else a capture directory, a .tar.gz capture or a target tree. */
    public static Session open(String root) {
        AccessLog log = new AccessLog();
        return new Session(RootSpec.open(root, log), log);
    }

    public AccessLog log() { return log; }

    public RootSpec.Kind kind() { return spec.kind(); }

    public boolean readOnly() { return spec.readOnly(); }

    public String describeRoot() { return spec.root().describe(); }

    /**
     * --kernel: the Linux version an image tree will boot (MAJOR.MINOR[.PATCH] or a uname -r
     * release). Only for a tree without a kernel of its own (no /proc/sys): its sysctl keys are
     * checked against this version and its profile ranges follow it. Malformed, older than
     * golive knows, or given for a root with a running kernel: one line, exit 2.
     */
    public Session kernel(String version) {
        if (version == null) return this;
        dev.golive.model.KernelVersion k = dev.golive.model.KernelSysctls.parseNamed(version);
        if (spec.kind() == RootSpec.Kind.LIVE) {
            throw GoliveException.badInput("--kernel " + version + ": the live host runs its own kernel; --kernel is for an image tree (--root DIR without /proc/sys)");
        }
        this.kernel = Optional.of(k);
        this.facts = null;
        return this;
    }

    /** The named kernel goes with a root that has none: a capture or a tree with /proc/sys has its own. */
    private HostFacts checkedKernel(HostFacts f) {
        if (kernel.isPresent() && f.sysctls().kernel().running()) {
            throw GoliveException.badInput("--kernel " + dev.golive.model.KernelSysctls.label(kernel.get()) + ": " + describeRoot()
                    + " has a kernel of its own (/proc/sys); --kernel is only for an image tree without one");
        }
        return f;
    }

    /** Inspects once per session (facts are immutable), optionally for a given cgroup path. */
    public synchronized HostFacts inspect(String cgroupPath) {
        if (facts == null || cgroupPath != null) {
            HostFacts f = captureOrigin(checkedKernel(Inspector.inspect(spec.root(), spec.runner(), new Inspector.Options(cgroupPath).withKernel(kernel))));
            if (cgroupPath != null) return f;
            facts = f;
        }
        return facts;
    }

    public HostFacts inspect() { return inspect(null); }

    /** The next {@link #inspect} reads the host afresh (after an apply or a rollback changed it). */
    public synchronized void forgetFacts() { facts = null; }

    /**
     * The host as one service sees it: its unit, binary, environment, and the CPU and memory
     * limits of its cgroup and the parents. {@code service} is a unit name or a bare name
     * ("app" means app.service); {@code goModDir} is the service's Go module (may be null).
     */
    public HostFacts inspectService(String service, String goModDir) {
        return captureOrigin(checkedKernel(Inspector.inspect(spec.root(), spec.runner(), Inspector.Options.forService(serviceUnit(service), goModDir).withKernel(kernel))));
    }

    /**
     * A capture says when and where it was made: its manifest's capturedAt and hostname name the
     * captured host, not the moment or the machine golive reads it on. The hostname the tree's
     * /proc/sys/kernel/hostname gives stands where the manifest has none (a capture made by hand).
     */
    private HostFacts captureOrigin(HostFacts f) {
        CaptureManifest m = spec.manifest();
        if (m == null) return f;
        CaptureInfo o = f.origin();
        String hostname = m.hostname() != null && !m.hostname().isBlank() ? m.hostname() : o.hostname();
        String at = m.capturedAt() != null ? m.capturedAt() : o.capturedAt();
        return f.withOrigin(new CaptureInfo(o.root(), false, at, hostname));
    }

    /** "app" → "app.service"; any other unit name as given; an invalid name is BAD_INPUT. */
    public static String serviceUnit(String service) {
        String unit = service.contains(".") ? service : service + ".service";
        try {
            return UnitNames.validate(unit);
        } catch (GoliveException e) {
            throw GoliveException.badInput("--service " + service + ": " + e.getMessage());
        }
    }

    /**
     * Captures the live host into {@code out}: a directory, or a .tar.gz when the name says so.
     * Inspection runs afresh with every read and command recorded, so the capture holds
     * exactly what inspect reads.
     */
    public CaptureWriter.Summary capture(Path out) { return capture(out, null, null); }

    /**
     * The same, inspecting one service as well (its unit files, drop-ins, environment files,
     * binary and systemd-analyze's output go into the capture), so that {@code check --service}
     * on the capture finds what it finds here.
     */
    public CaptureWriter.Summary capture(Path out, String service, String goModDir) {
        if (spec.kind() != RootSpec.Kind.LIVE) throw GoliveException.badInput("capture reads the live host; drop --root");
        Inspector.Options options = (service == null ? Inspector.Options.defaults() : Inspector.Options.forService(serviceUnit(service), goModDir)).capturing();
        AccessLog capLog = new AccessLog();
        RootSpec live = RootSpec.open(null, capLog);
        RecordingCommandRunner rec = new RecordingCommandRunner(live.runner());
        HostFacts f = Inspector.inspect(live.root(), rec, options);
        return CaptureWriter.writeTo(live.root(), capLog, rec, f.origin().capturedAt(),
                f.os().hostname().orElse(null), f.os().architecture().orElse(null), f.os().kernelRelease().orElse(null), out);
    }

    /**
     * {@code golive unit}: the service's unit or drop-in rendered for this host, validated, and
     * (with {@code analyze}) checked by systemd-analyze on this machine, which is also the
     * machine that runs it when the root is a capture.
     */
    public UnitPreview previewUnit(ServiceSpec service, Optional<GoVersion> goModGo, UnaryOperator<String> labels,
                                   String planId, boolean analyze) {
        // the service's own cgroup chain (its quota and its parents'); an invalid name is reported by validation
        HostFacts f = UnitNames.isValid(service.unitName()) ? inspect("/system.slice/" + service.unitName()) : inspect();
        Optional<CommandRunner> runner = !analyze ? Optional.empty()
                : Optional.of(spec.runner().startsProcesses() ? spec.runner() : new ProcessCommandRunner(log));
        // an image tree is verified inside itself (systemd-analyze --root=), never as this machine
        Optional<Path> tree = spec.kind() == RootSpec.Kind.TARGET_TREE ? Optional.of(spec.root().base()) : Optional.empty();
        var logrotate = logrotateHost(dev.golive.plan.ServiceFiles.merged(service, dev.golive.profile.ServiceSettings.NONE, java.util.Map.of()));
        return new ServiceUnits(spec.root(), tighten).preview(f, service, goModGo, labels, planId, runner, tree, logrotate);
    }

    /** What logrotate finds on the host for the files {@code spec} appends its output to (their directories, its version). */
    private dev.golive.model.LogrotateHost logrotateHost(ServiceSpec merged) {
        return dev.golive.inspect.LogrotateHostProbe.read(spec.root(), spec.runner(), dev.golive.unit.LogrotateFile.files(merged.logging()));
    }

    // ---- profiles, recommendation, plan ----------------------------------------------------

    /**
     * The user profile directories, later ones overriding earlier ones and the shipped
     * profiles: /etc/golive/profiles, then $XDG_CONFIG_HOME/golive/profiles (default
     * ~/.config/golive/profiles). They are read on the machine golive runs on, never under
     * --root (docs/profiles.md).
     */
    public static List<String> defaultProfileDirs() {
        List<String> dirs = new ArrayList<>();
        dirs.add("/etc/golive/profiles");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && xdg.startsWith("/")) dirs.add(xdg + "/golive/profiles");
        else if (home != null && home.startsWith("/")) dirs.add(home + "/.config/golive/profiles");
        return dirs;
    }

    /** Replaces the user profile directories (tests, --profiles-dir). */
    public Session profileDirs(List<String> dirs) {
        this.profileDirs = List.copyOf(dirs);
        return this;
    }

    /**
     * What {@link #tighten} would add to or change in {@code service}'s drop-in as
     * {@link #previewUnit} derived it into {@code preview} (whose facts it reuses; the TUI's
     * confirm lists it), or why the unit is never offered it. The same whether or not the
     * session is tightened already.
     */
    public ServiceUnits.Tightening tightening(ServiceSpec service, UnitPreview preview, UnaryOperator<String> labels) {
        return new ServiceUnits(spec.root(), false).tightening(preview.facts(), service, dev.golive.profile.ServiceSettings.NONE, java.util.Map.of(), List.of(), java.util.Map.of(),
                "preview", Optional.empty(), labels);
    }

    /** Whether the admin asked to tighten units golive did not write (--tighten, or the TUI's confirm). */
    public boolean tightened() { return tighten; }

    /**
     * --tighten: the admin asks for sandboxing, a task limit and restart changes on a unit
     * golive did not write (a vendor unit); without it a drop-in on such a unit adds none.
     */
    public Session tighten(boolean tighten) {
        this.tighten = tighten;
        this.serviceFiles = new ServiceUnits(spec.root(), tighten, installing);
        return this;
    }

    private Optional<ServiceUnits.Installing> installing = Optional.empty();

    /**
     * {@code apply --finish --binary FILE}: the new unit's ExecStart program will be this file, so
     * plans check and derive (Go version, GOMAXPROCS) from it rather than from what the host has now.
     */
    public Session installing(Optional<String> binary) {
        this.installing = binary.map(b -> new ServiceUnits.Installing(Path.of(b).toAbsolutePath().toString(),
                dev.golive.host.AdminNamedFiles.readBytes(b)));
        this.serviceFiles = new ServiceUnits(spec.root(), tighten, installing);
        return this;
    }

    /** How the service's unit files are rendered (the unit package's renderer by default; tests replace it). */
    public Session serviceFiles(ServiceFiles files) {
        this.serviceFiles = files;
        return this;
    }

    public ProfileCatalog profiles() {
        DirectoryHostRoot here = DirectoryHostRoot.live(log);
        ProfileCatalog c = ProfileCatalog.load(profileDirs.stream().map(d -> new ProfileCatalog.UserDir(here, d)).toList());
        c.warnings().forEach(w -> org.slf4j.LoggerFactory.getLogger(Session.class).warn(w));
        return c;
    }

    /** A profile resolved for this host: includes merged, expressions evaluated, checked against its kernel. */
    public Profile profile(String name) { return ProfileResolver.resolve(profiles(), name, inspect()); }

    public List<Recommender.Recommendation> recommend() { return Recommender.rank(inspect(), profiles()); }

    /** A fresh snapshot id: UTC time and a random suffix, valid as a directory name. */
    public static String newPlanId() {
        String t = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return t + "-" + String.format("%04x", new java.security.SecureRandom().nextInt(0x10000));
    }

    /**
     * What golive would change for {@code profileName} (and the service, when given), with
     * the fixes the admin picked. Reads the owned files; writes nothing.
     */
    public Plan plan(String profileName, Optional<String> service, List<FixChange> fixes, String planId) {
        return planFor(profileName, service.map(Session::serviceUnit).map(ServiceSpec::named), fixes, planId);
    }

    /**
     * What of a finding's fix golive makes itself and what stays the admin's step: what every
     * front end asks before it offers a finding as "golive can fix" (the planner's own rule).
     */
    public static dev.golive.plan.FixReach fixReach(Finding f) { return dev.golive.plan.FixReach.of(f); }

    /** The profile name that plans only the picked fixes (the guide's "none"). */
    public static final String NO_PROFILE = "none";

    /**
     * The same with a full service spec (the TUI form, the guide, a spec YAML): a new unit when
     * the spec has an ExecStart, a drop-in on the existing unit otherwise. {@link #NO_PROFILE}
     * plans only {@code fixes}.
     */
    /**
     * A plan file for {@code apply --plan-file} or {@code verify --plan-file}, held to what the
     * planner writes (apply.PlanCodec.readPlanFile) with this root's kernel telling which sysctl
     * keys exist. Bad input: one line, file:line:col, exit 2.
     */
    public Plan readPlanFile(String source, String json) {
        return dev.golive.apply.PlanCodec.readPlanFile(source, json,
                key -> spec.root().exists(dev.golive.inspect.SysctlProbe.procPath(key)));
    }

    public Plan planFor(String profileName, Optional<ServiceSpec> svc, List<FixChange> fixes, String planId) {
        return planFor(profileName, svc, fixes, planId, UnaryOperator.identity());
    }

    /**
     * The same, a refused spec field named by {@code labels} as the admin gave it (a spec file's
     * file:line:col, an option: {@code ServiceOptions.Input.labels}), as {@code golive unit} names it.
     */
    public Plan planFor(String profileName, Optional<ServiceSpec> svc, List<FixChange> fixes, String planId, UnaryOperator<String> labels) {
        svc.ifPresent(x -> serviceUnit(x.unitName())); // the same unit-name rules as check and inspect, before the name becomes a path
        // with a service: its cgroup, unit and binary too (GOMAXPROCS/GOMEMLIMIT derive from them)
        HostFacts f = svc.isPresent() ? inspectService(svc.get().unitName(), null) : inspect();
        Profile p = NO_PROFILE.equals(profileName)
                ? new Profile(NO_PROFILE, Optional.of("no profile: only the picked fixes"), List.of(), List.of(), List.of(),
                        List.of(), dev.golive.profile.ServiceSettings.NONE, List.of())
                : ProfileResolver.resolve(profiles(), profileName, f, pickedSysctls(fixes));
        var current = OwnedFilesReader.read(spec.root(), OwnedFilesReader.paths(svc.map(ServiceSpec::unitName)));
        var logrotate = svc.map(x -> logrotateHost(dev.golive.plan.ServiceFiles.merged(x, p.service(), java.util.Map.of())))
                .orElse(dev.golive.model.LogrotateHost.unread());
        return new Planner(serviceFiles.labelled(labels)).plan(new PlanInput(f, p, svc, fixes, current, planId, logrotate));
    }

    /** The sysctl values picked fixes set: the plan writes them over the profile's, so its when: conditions see them. */
    private static java.util.Map<String, String> pickedSysctls(List<FixChange> fixes) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (FixChange c : fixes) if (c instanceof FixChange.SysctlChange s) out.put(s.key(), s.value());
        return out;
    }

    // ---- apply, rollback, snapshots -------------------------------------------------------

    /** Tests inject fault points here instead of through GOLIVE_FAULT. */
    public Session withFaults(FaultPoints f) {
        this.faults = f;
        return this;
    }

    /** Tests pretend to be another user here (the real check reads /proc/self/status). */
    public Session withUid(IntSupplier uid) {
        this.uid = uid;
        return this;
    }

    /**
     * Refuses, before anything is written, a root golive may not change: a capture (a record
     * of another host), or the live host when not running as root.
     */
    public void requireWritable() {
        if (spec.readOnly()) throw GoliveException.badInput(describeRoot() + " is a capture; golive never writes into a capture (use a target tree directory)");
        if (spec.kind() == RootSpec.Kind.LIVE) {
            int u = uid.getAsInt();
            if (u != 0) throw GoliveException.environment("changing the live host needs root (running as uid " + u + "); use sudo, or --root DIR for a target tree");
        }
    }

    private HostTarget target() {
        if (faults == null) {
            try {
                faults = FaultPoints.fromEnvironment();
            } catch (IllegalArgumentException e) {
                throw GoliveException.badInput(e.getMessage());
            }
        }
        HostWriter w = new HostWriter(spec.root().base(), log, faults);
        // systemctl acts on the running system: only when that system is the one written
        return HostTarget.of(w, spec.runner(), spec.kind() == RootSpec.Kind.LIVE);
    }

    public ApplyResult apply(dev.golive.model.Plan plan, boolean restart) { return apply(plan, restart, line -> { }); }

    /** As {@link #apply(dev.golive.model.Plan, boolean)}, telling {@code progress} each step as it is done. */
    public ApplyResult apply(dev.golive.model.Plan plan, boolean restart, java.util.function.Consumer<String> progress) {
        requireWritable();
        HostTarget t = target();
        return audited(t, AuditEntry.Action.APPLY, List.of(plan.id()),
                () -> new Applier(t).withProgress(progress).apply(plan, new Applier.Options(restart)),
                r -> applied(plan, r), r -> List.of(r.snapshotId()));
    }

    /** The audit trail's detail of an apply that worked. */
    private static String applied(Plan plan, ApplyResult r) {
        return "profile " + plan.profile() + plan.service().map(sv -> ", service " + sv).orElse("") + ": " + r.filesWritten()
                + " files, " + r.liveValuesSet() + " live values, verified";
    }

    /**
     * What finishing {@code plan}'s service takes (accounts, binary, directories, start or
     * restart): decided from the unit as systemd will read it once the plan's files are
     * written, and from the root's account files and systemd version. {@code binary}: the
     * file to install as ExecStart's program (golive's build output or one the admin names).
     */
    public dev.golive.model.FinishPlan finishPlan(Plan plan, Optional<String> binary, List<Integer> ports, Optional<String> healthUrl) {
        String unit = plan.service().map(Session::serviceUnit)
                .orElseThrow(() -> GoliveException.badInput("finishing needs a service: give --service NAME (and --exec for a new unit)"));
        var root = spec.root();
        java.util.Map<String, String> planned = new java.util.LinkedHashMap<>();
        plan.files().forEach(f -> f.after().ifPresent(a -> planned.put(f.path(), a)));
        var resolved = dev.golive.config.UnitResolver.resolve(new dev.golive.host.OverlayHostRoot(root, planned), unit);
        boolean existed = dev.golive.config.UnitResolver.resolve(root, unit).found();
        Optional<Boolean> running = Optional.empty();
        if (spec.kind() == RootSpec.Kind.LIVE) {
            var r = spec.runner().run(List.of("systemctl", "is-active", unit), java.time.Duration.ofSeconds(30));
            if (!r.ran()) throw GoliveException.environment(r.problem());
            running = Optional.of(r.stdout().strip().equals("active") || r.stdout().strip().equals("reloading"));
        }
        String nologin = root.exists("/usr/sbin/nologin") || !root.exists("/sbin/nologin") ? "/usr/sbin/nologin" : "/sbin/nologin";
        return dev.golive.plan.FinishPlanner.plan(new dev.golive.plan.FinishPlanner.Input(resolved, existed, running,
                inspect().systemd().version(), text(root, "/etc/passwd"), text(root, "/etc/group"), text(root, "/etc/login.defs"),
                nologin, binary.map(b -> Path.of(b).toAbsolutePath().toString()), root::exists, ports, healthUrl));
    }

    private static String text(dev.golive.host.HostRoot root, String path) {
        return root.read(path).opt().orElse("");
    }

    /**
     * How long the health step after a finish waits for the unit to come up, then watches its
     * restart counter: the CLI ({@code apply --finish}, {@code health}) and the TUI use the same.
     */
    public static final java.time.Duration HEALTH_WITHIN = java.time.Duration.ofSeconds(20), HEALTH_SETTLE = java.time.Duration.ofSeconds(3);

    /** Applies {@code plan}, then finishes its service as {@code finish} says, all in one snapshot. */
    public ApplyResult applyAndFinish(Plan plan, dev.golive.model.FinishPlan finish, java.util.function.Consumer<String> progress) {
        requireWritable();
        HostTarget t = target();
        // the finish restarts or starts the unit itself: the plan's own restart would be a second one
        return audited(t, AuditEntry.Action.APPLY, List.of(plan.id()),
                () -> new Applier(t).withProgress(progress).apply(plan, new Applier.Options(false, Optional.of(finish))),
                r -> applied(plan, r) + ", service finished", r -> List.of(r.snapshotId()));
    }

    /**
     * The health step after a finish (and {@code golive health}): reads the unit, its ports, the
     * health URL and the journal until all pass or {@code within} runs out, then once more after
     * {@code settle} to see that the restart counter stayed where it was at the first look
     * (a crash loop shows as NRestarts moving). The live host only: nothing runs in a tree or capture.
     */
    public dev.golive.model.ServiceHealth health(String service, List<Integer> ports, Optional<String> url,
                                                 java.time.Duration within, java.time.Duration settle) {
        String unit = serviceUnit(service);
        if (spec.kind() != RootSpec.Kind.LIVE) {
            throw GoliveException.badInput("the health of " + unit + " needs the live host: nothing runs in " + describeRoot());
        }
        long deadline = System.nanoTime() + within.toNanos();
        var facts = dev.golive.inspect.HealthProbe.read(spec.root(), spec.runner(), unit, url);
        java.util.OptionalInt before = facts.show().opt().map(p -> dev.golive.verify.HealthJudge.restarts(p))
                .filter(n -> n >= 0).map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
        var h = dev.golive.verify.HealthJudge.judge(facts, ports, before);
        while (!h.ok() && System.nanoTime() < deadline) {
            pause(java.time.Duration.ofMillis(250));
            h = dev.golive.verify.HealthJudge.judge(dev.golive.inspect.HealthProbe.read(spec.root(), spec.runner(), unit, url), ports, before);
        }
        if (!h.ok()) return h;
        pause(settle);
        return dev.golive.verify.HealthJudge.judge(dev.golive.inspect.HealthProbe.read(spec.root(), spec.runner(), unit, url), ports, before);
    }

    private static void pause(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this session looks at the live host (where units run and a health step means something). */
    public boolean live() { return spec.kind() == RootSpec.Kind.LIVE; }

    /** {@code id} null: the newest applied snapshot. */
    public RollbackResult rollback(String id, boolean force) {
        requireWritable();
        HostTarget t = target();
        String which = id != null ? id : t.store().lastApplied().map(Manifest::id)
                .orElseThrow(() -> GoliveException.badInput("no applied snapshot to roll back (see golive snapshots)"));
        return audited(t, AuditEntry.Action.ROLLBACK, List.of(which), () -> new Rollback(t).rollback(which, new Rollback.Options(force)),
                r -> rolledBack(r, force), r -> List.of(r.snapshotId()));
    }

    public List<RollbackResult> recover(boolean force) {
        requireWritable();
        HostTarget t = target();
        return audited(t, AuditEntry.Action.RECOVER, t.store().unfinished(), () -> new Rollback(t).recover(new Rollback.Options(force)),
                rs -> rs.isEmpty() ? "nothing to recover" : String.join("; ", rs.stream().map(r -> r.snapshotId() + ": " + rolledBack(r, force)).toList()),
                rs -> rs.stream().map(RollbackResult::snapshotId).toList());
    }

    private static String rolledBack(RollbackResult r, boolean force) {
        return r.restored().size() + " restored, " + r.reported().size() + " already as before" + (force ? " (forced)" : "");
    }

    // ---- the audit trail ---------------------------------------------------------------------

    private java.util.function.Supplier<Optional<String>> sudoUser = () -> Optional.ofNullable(System.getenv("SUDO_USER"));
    private final List<String> unrecorded = new java.util.concurrent.CopyOnWriteArrayList<>();

    private String userName = System.getProperty("user.name", "?");

    /** Tests stand for a sudo run here (the real one reads SUDO_USER). */
    public Session withSudoUser(String user) {
        this.sudoUser = () -> Optional.ofNullable(user);
        return this;
    }

    /** Tests name the user golive runs as here (the real one is the JVM's user.name, the name of its uid). */
    public Session withUserName(String name) {
        this.userName = name;
        return this;
    }

    /** Who runs this golive, as the audit trail names them. */
    public AuditEntry.Who who() {
        return new AuditEntry.Who(uid.getAsInt(), userName, sudoUser.get());
    }

    /**
     * Changes that worked but whose audit line could not be appended (a full or read-only
     * /var/log), each with the reason: the front ends warn about them.
     */
    public List<String> unrecorded() { return List.copyOf(unrecorded); }

    private <T> T audited(HostTarget t, AuditEntry.Action action, List<String> snapshots, java.util.function.Supplier<T> work,
                          java.util.function.Function<T, String> detail, java.util.function.Function<T, List<String>> done) {
        return new AuditLog(t.writer()).record(action, snapshots, who(), t.clock(), work, detail, done, problem -> {
            unrecorded.add(action.word() + " not in the audit trail: " + problem);
            org.slf4j.LoggerFactory.getLogger(Session.class).warn("{} not in the audit trail: {}", action.word(), problem);
        });
    }

    /** {@code golive snapshots log}: the audit trail of this host (or tree), oldest first. */
    public List<AuditLog.Line> auditTrail() {
        requireReadableAudit();
        return new AuditLog(target().writer()).read();
    }

    /** /var/log/golive/audit.log is 0640 root: as another user, "no entries" would be wrong, not empty. */
    private void requireReadableAudit() {
        if (spec.kind() == RootSpec.Kind.LIVE && uid.getAsInt() != 0) {
            throw GoliveException.environment("reading " + AuditLog.PATH + " needs root (it is 0640); use sudo");
        }
    }

    public List<Manifest> snapshots() {
        requireReadableSnapshots();
        return target().store().all();
    }

    public Manifest snapshot(String id) {
        requireReadableSnapshots();
        return target().store().load(id);
    }

    /** /var/lib/golive is 0700 root: listing it as another user would say "no snapshots" — wrong, not empty. */
    private void requireReadableSnapshots() {
        if (spec.kind() == RootSpec.Kind.LIVE && uid.getAsInt() != 0) {
            throw GoliveException.environment("reading " + SnapshotStore.DIR + " needs root (it is 0700); use sudo");
        }
    }

    /**
     * {@code golive verify}: did the last applied snapshot's plan (or {@code planFile}'s) reach
     * what runs? {@code service}: whose process to read (default: the plan's service). A plan
     * file that golive applied here (its id names an applied snapshot) is judged from that
     * apply's time; one never applied has no time, so an older process is not told from a
     * newer one that missed a value.
     */
    public dev.golive.model.Verification verify(Optional<String> service, Optional<Plan> planFile) {
        Optional<String> unit = service.map(Session::serviceUnit);
        Plan plan;
        String basis;
        Optional<Manifest> applied;
        if (planFile.isPresent()) {
            plan = planFile.get();
            basis = "plan file " + plan.id();
            applied = readableSnapshots() ? target().store().all().stream()
                    .filter(m -> m.id().equals(plan.id()) && m.state() == Manifest.State.APPLIED).findFirst() : Optional.empty();
        } else {
            requireReadableSnapshots();
            applied = target().store().lastApplied();
            plan = applied.map(Manifest::plan).orElseThrow(() -> GoliveException.badInput(
                    "no applied snapshot to verify (see golive snapshots); give --plan-file PLAN.json to verify a plan"));
            basis = "snapshot " + plan.id();
        }
        var facts = dev.golive.inspect.VerifyProbe.read(spec.root(), spec.runner(), plan, unit.or(plan::service));
        return dev.golive.verify.Verifier.verify(plan, basis, applied.map(Manifest::createdAt), facts);
    }

    /**
     * {@code systemctl restart UNIT} on the live host, so the service's process takes what its
     * unit and the kernel say now (the TUI's restart-debt key; verify runs again after it).
     */
    public void restartService(String service) {
        requireWritable();
        String unit = serviceUnit(service);
        if (spec.kind() != RootSpec.Kind.LIVE) {
            throw GoliveException.badInput("restarting " + unit + " needs the live host: no systemd runs for " + describeRoot());
        }
        var r = spec.runner().run(List.of("systemctl", "restart", unit), java.time.Duration.ofSeconds(120));
        if (!r.ok()) throw GoliveException.environment("systemctl restart " + unit + ": " + r.problem());
    }

    private boolean readableSnapshots() { return spec.kind() != RootSpec.Kind.LIVE || uid.getAsInt() == 0; }

    /** The snapshot's changes as diffs (old → new files, live values old → new). */
    public String snapshotDiff(String id) {
        requireReadableSnapshots();
        HostTarget t = target();
        return SnapshotView.diff(t.store(), t.store().load(id));
    }

    /**
     * What changed on the host since snapshot {@code id} was applied, in what golive wrote
     * (files as a diff golive-wrote → now, live values set → now): the changes a rollback would
     * refuse to overwrite without force. Empty when nothing drifted.
     */
    public Optional<dev.golive.apply.RollbackRefused> drift(String id) {
        requireReadableSnapshots();
        HostTarget t = target();
        return new Rollback(t).conflicts(t.store().load(id));
    }

    /** Two snapshots' files and values, what golive wrote in {@code a} → in {@code b}. */
    public String compareSnapshots(String a, String b) {
        requireReadableSnapshots();
        HostTarget t = target();
        return SnapshotView.compare(t.store().load(a), t.store().load(b));
    }

    /** The snapshots {@link #pruneSnapshots} with the same {@code keep} deletes, oldest first (nothing is deleted). */
    public List<String> prunable(int keep) { return SnapshotStore.prunable(snapshots(), keep); }

    public List<String> pruneSnapshots(int keep) {
        requireWritable();
        return target().store().prune(keep);
    }

    /**
     * Ids of applies that did not finish under {@code root} (null: the live host), without
     * opening a Session: every golive start asks this, so it reads only a few bytes per snapshot.
     */
    public static List<String> unfinishedApplies(String root) {
        if (RootSpec.isLive(root) && RootSpec.noLive()) return List.of(); // the command says so if it needs the host
        RootSpec.check(root);
        Path base = RootSpec.isLive(root) ? Path.of("/") : Path.of(root);
        if (RootSpec.isArchive(root)) return List.of();
        try {
            HostWriter w = new HostWriter(base, new AccessLog(), FaultPoints.NONE);
            List<String> ids = new SnapshotStore(w).unfinished();
            // an apply in progress holds the lock: its snapshot is "applying" because it is running, not because it died
            return ids.isEmpty() || dev.golive.host.HostLock.heldByAnother(w) ? List.of() : ids;
        } catch (RuntimeException e) {
            return List.of(); // unreadable: the command itself will say what is wrong with the root
        }
    }

    /**
     * The pre-go-live review of this host (and of {@code service}, a unit name, when given):
     * host summary, findings, the recommended plan, the unit, the snapshot history.
     */
    public dev.golive.report.Review review(String service, java.time.Instant now, String golive) {
        Optional<String> unit = Optional.ofNullable(service).map(Session::serviceUnit);
        return ReviewAssembly.assemble(this, spec, unit, now.toString(), golive);
    }

    /** "golive VERSION" from the jar's manifest ("golive dev" when run from classes): what reports and --version name. */
    public static String goliveVersion() {
        String v = Session.class.getPackage().getImplementationVersion();
        return "golive " + (v == null ? "dev" : v);
    }

    /**
     * The review of {@link #review} rendered as {@code format} (null: from {@code to}'s name,
     * else Markdown), written to {@code to} on this machine atomically ({@code golive report -o},
     * the full-screen UI's save). Returns the format written.
     */
    public dev.golive.report.ReviewFormat saveReport(Path to, dev.golive.report.ReviewFormat format, String service) {
        dev.golive.report.ReviewFormat fmt = format != null ? format
                : dev.golive.report.ReviewFormat.fromFileName(String.valueOf(to.getFileName())).orElse(dev.golive.report.ReviewFormat.MD);
        String text = fmt.render(review(service, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), goliveVersion()));
        dev.golive.host.OutputFile.write(to, text);
        return fmt;
    }

    /** The plan as {@code golive plan --json} prints it (what {@code apply --plan-file} reads), written to {@code to} atomically. */
    public static void savePlan(Plan plan, Path to) {
        dev.golive.host.OutputFile.write(to, dev.golive.apply.PlanCodec.toJson(plan));
    }

    /** The files golive owns on this host as found there (content, absent, or unknown in a capture). */
    public java.util.Map<String, dev.golive.model.Fact<java.util.Optional<String>>> ownedFiles() {
        return dev.golive.report.OwnedFileScan.scan(spec.root());
    }

    /** What differs between two hosts: each "live", a capture directory or a capture .tar.gz. */
    public static dev.golive.report.HostDiff diff(String a, String b) { return HostComparison.compare(a, b); }

    /** {@link #diff} without the facts {@code filter} leaves out (volatile ones, --ignore patterns). */
    public static dev.golive.report.HostDiff diff(String a, String b, dev.golive.report.FactFilter filter) {
        return HostComparison.compare(a, b).without(filter);
    }

    /**
     * `golive report --fleet DIR` and `golive diff DIR`: every capture in {@code dir} (one per host,
     * a directory or a .tar.gz, named by host) read and checked, side by side; entries that are
     * not readable captures are listed with why. {@code service}: a unit name, or null.
     */
    public static dev.golive.report.Fleet fleet(String dir, String service, dev.golive.report.FactFilter filter) {
        return FleetReading.directory(dir, Optional.ofNullable(service).map(Session::serviceUnit), filter, nowText(), goliveVersion());
    }

    /**
     * Whether {@code root} (a --root value) is a directory of captures, a fleet: what the
     * full-screen UI opens as a host picker. Every other command refuses it as a root.
     */
    public static boolean isFleet(String root) { return dev.golive.host.FleetDirectory.isFleet(root); }

    /**
     * What this capture lacks when it was assembled from Ansible rounds that did not finish
     * ("61 files, 51 directories, 7 commands"): empty for a complete capture, a tree or the live host.
     */
    public Optional<String> captureMissing() {
        if (!spec.readOnly()) return Optional.empty();
        try {
            return dev.golive.host.CaptureAssembly.missing(spec.root().base()).map(dev.golive.host.CaptureWants::describe);
        } catch (GoliveException e) {
            return Optional.of("not known: " + e.getMessage());
        }
    }

    /** `golive diff A B C…`: the named hosts (each "live", a capture directory or a .tar.gz) side by side. */
    public static dev.golive.report.Fleet fleetOf(List<String> hosts, String service, dev.golive.report.FactFilter filter) {
        return FleetReading.hosts(hosts, Optional.ofNullable(service).map(Session::serviceUnit), filter, nowText(), goliveVersion());
    }

    /** A fleet review rendered as {@code format}, written to {@code to} on this machine atomically (`golive report --fleet DIR -o FILE`). */
    public static void saveFleetReport(Path to, dev.golive.report.FleetFormat format, dev.golive.report.Fleet fleet) {
        dev.golive.host.OutputFile.write(to, format.render(fleet, dev.golive.report.Style.PLAIN));
    }

    private static String nowText() { return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(); }

    /**
     * Checks a service spec against this host: throws the one-line error (exit 2) for a spec
     * that cannot be rendered; returns the warnings (e.g. the binary is not in a target tree yet).
     */
    public List<String> validateService(ServiceSpec service) {
        HostFacts f = inspect();
        dev.golive.model.Fact<Boolean> exists = service.exec()
                .map(e -> spec.root().presence(e))
                .orElse(dev.golive.model.Fact.unknown("no binary given: a drop-in keeps the unit's ExecStart"));
        var presence = new dev.golive.unit.BinaryPresence(spec.kind() == RootSpec.Kind.LIVE, exists);
        return dev.golive.unit.SpecValidator.validate(service, f, presence).warnings();
    }

    // ---- containers (export --format dockerfile|kubernetes) ---------------------------------

    /** What a container export needs besides the service: read from go.mod, or given by the admin. */
    public record ContainerOptions(Path goMod, Optional<dev.golive.build.BuildTarget> target, Optional<String> version,
                                   dev.golive.export.ContainerSpec.Base base, Optional<String> image, Optional<String> healthPath,
                                   Optional<String> stopTimeout) { }

    /**
     * The service as a container, for the Dockerfile and the Kubernetes manifest alike: go.mod
     * read on this machine (like `golive build`), the target this root's host would build for
     * unless one is named, the image {@code NAME:VERSION} unless one is named.
     */
    public dev.golive.export.ContainerSpec containerSpec(ServiceSpec service, ContainerOptions o) {
        dev.golive.unit.SpecInputs.GoModule mod = dev.golive.unit.SpecInputs.goModule(o.goMod());
        dev.golive.build.BuildTarget target = o.target().orElseGet(() -> defaultBuildTarget().target());
        String name = service.name().endsWith(".service") ? service.name().substring(0, service.name().length() - 8) : service.name();
        String image = o.image().orElseGet(() -> o.version().map(v -> name + ":" + v).orElseThrow(() ->
                GoliveException.badInput("--image REPOSITORY:TAG or --version V: the manifest must name the build it runs")));
        Optional<Long> stop = o.stopTimeout().map(t -> dev.golive.model.SystemdValues.timeSpanMillis(t)
                .map(ms -> (long) Math.ceil(ms / 1000.0))
                .orElseThrow(() -> GoliveException.badInput("--stop-timeout " + dev.golive.model.Printable.clip(t, 40) + ": expected a time span such as 30s or 2min")));
        return new dev.golive.export.ContainerSpec(service, mod.modulePath(), mod.goLine(), mod.go(), target, o.version(), o.base(),
                image, o.healthPath(), stop, dev.golive.export.ContainerSpec.NONROOT_UID);
    }

    /** The container files of {@code c}: its Dockerfile or, {@code kubernetes}, its Deployment and Service as YAML. */
    public static String renderContainer(dev.golive.export.ContainerSpec c, boolean kubernetes) {
        return kubernetes ? dev.golive.export.Kubernetes.render(c) : dev.golive.export.Dockerfile.render(c);
    }

    /**
     * Writes {@link #renderContainer} to {@code to} (a Dockerfile gets its .dockerignore beside it),
     * for `golive export -o` and the Unit screen's export alike; returns the files written.
     */
    public static List<String> writeContainer(dev.golive.export.ContainerSpec c, boolean kubernetes, String to) {
        dev.golive.host.AdminNamedFiles.writeText(to, renderContainer(c, kubernetes), 0644);
        if (kubernetes) return List.of(to);
        String ignore = Path.of(to).resolveSibling(".dockerignore").toString();
        dev.golive.host.AdminNamedFiles.writeText(ignore, dev.golive.export.Dockerfile.dockerignore(c), 0644);
        return List.of(to, ignore);
    }

    /**
     * `golive check --manifest FILE|DIR`: the Dockerfiles and Kubernetes YAML there (in a directory:
     * *.yaml, *.yml, Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile), read on this machine,
     * checked against the container rules. {@code goModGo}: the service's go.mod line when named.
     */
    public static dev.golive.check.CheckReport checkManifests(String fileOrDir, Optional<dev.golive.model.GoVersion> goModGo) {
        var files = dev.golive.host.AdminNamedFiles.readAll(fileOrDir, Session::isManifestName, "Dockerfile or Kubernetes YAML");
        java.util.Map<String, List<dev.golive.config.LocatedYaml.Doc>> yaml = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<dev.golive.config.DockerfileText.Instruction>> docker = new java.util.LinkedHashMap<>();
        files.forEach((path, text) -> {
            String name = Path.of(path).getFileName().toString();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) yaml.put(path, dev.golive.config.LocatedYaml.parse(path, text));
            else docker.put(path, dev.golive.config.DockerfileText.parse(path, text));
        });
        return dev.golive.check.ManifestRules.run(new dev.golive.check.ManifestRules.Input(yaml, docker, goModGo));
    }

    /** `golive report --manifest FILE|DIR`: the findings {@link #checkManifests} gives, as a review (with each rule's why and sources). */
    public static dev.golive.report.Review manifestReview(String fileOrDir, Optional<dev.golive.model.GoVersion> goModGo) {
        return dev.golive.report.ReviewBuilder.forManifests(fileOrDir, checkManifests(fileOrDir, goModGo),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), goliveVersion());
    }

    /** {@link #manifestReview} rendered as {@code format}, written to {@code to} on this machine atomically. */
    public static void saveManifestReport(Path to, dev.golive.report.ReviewFormat format, String fileOrDir,
                                          Optional<dev.golive.model.GoVersion> goModGo) {
        dev.golive.host.OutputFile.write(to, format.render(manifestReview(fileOrDir, goModGo)));
    }

    /**
     * Which files a directory scan of {@code --manifest DIR} reads: Kubernetes YAML and the names
     * Docker and Podman give Dockerfiles ({@code Dockerfile}, {@code Dockerfile.VARIANT},
     * {@code NAME.Dockerfile}, {@code Containerfile}). An editor's backup or swap file, a merge
     * leftover, a package manager's kept copy or compiled output beside them ({@code Dockerfile~},
     * {@code Dockerfile.orig}, {@code .swp}, {@code Dockerfile.class}) is not a manifest: reading it
     * would check stale text twice or stop the scan at a binary. A file named on its own is always read.
     */
    static boolean isManifestName(String name) {
        if (name.endsWith("~") || NOT_MANIFEST_SUFFIXES.stream().anyMatch(name::endsWith)) return false;
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("Dockerfile") || name.startsWith("Dockerfile.")
                || name.endsWith(".Dockerfile") || name.equals("Containerfile") || name.startsWith("Containerfile.");
    }

    private static final List<String> NOT_MANIFEST_SUFFIXES = List.of(".orig", ".rej", ".bak", ".swp", ".swo", ".tmp",
            ".class", ".dpkg-old", ".dpkg-dist", ".dpkg-new", ".rpmnew", ".rpmsave", ".golive-tmp");

    // ---- build (always on this machine) -----------------------------------------------------

    /** The build target of the host that {@code root} and {@code runner} show (golive build's own live host, tests' fakes). */
    public static dev.golive.build.DefaultTarget defaultBuildTarget(dev.golive.host.HostRoot root, CommandRunner runner) {
        return dev.golive.build.DefaultTarget.forHost(Inspector.inspect(root, runner, Inspector.Options.defaults()));
    }

    /** What the last inspection in this JVM spent, one line per phase (inspect --timing); empty before any. */
    public static List<String> lastInspectTiming() {
        return dev.golive.inspect.Probes.lastTiming().map(t -> {
            List<String> out = new ArrayList<>();
            out.add(String.format(java.util.Locale.ROOT, "timing: probing %.1f ms, inspect %.1f ms", t.probingNanos() / 1e6, t.totalNanos() / 1e6)
                    + (t.cpuNanos() < 0 ? "" : String.format(java.util.Locale.ROOT, ", probing CPU %.1f ms", t.cpuNanos() / 1e6)));
            t.phases().forEach((k, v) -> out.add(String.format(java.util.Locale.ROOT, "  %-26s %7.2f ms", k, v / 1e6)));
            return out;
        }).orElse(List.of());
    }

    /** Why {@code unit} is not a valid unit name, or empty (the guide asks as the admin types). */
    public static Optional<String> unitNameProblem(String unit) {
        try {
            UnitNames.validate(unit);
            return Optional.empty();
        } catch (GoliveException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The target this host's binary should be built for: its architecture at its CPU level, with the reason. */
    public dev.golive.build.DefaultTarget defaultBuildTarget() { return dev.golive.build.DefaultTarget.forHost(inspect()); }

    /**
     * Builds the Go module in {@code moduleDir} for {@code targets} with golive's defaults
     * (CGO_ENABLED=0, -trimpath, -ldflags "-s -w", into MODULE/dist/) and verifies each binary.
     * The build runs here, whatever the root: the source and the toolchain are on this machine,
     * so go.mod is read from the live file system and go is started even when the root is a capture.
     */
    public List<dev.golive.build.BuildResult> build(Path moduleDir, List<dev.golive.build.BuildTarget> targets,
                                                    dev.golive.build.BuildListener listener) {
        if (targets.isEmpty()) throw GoliveException.badInput("no build target chosen");
        dev.golive.build.BuildSpec bs = dev.golive.build.BuildSpec.defaults(moduleDir.toAbsolutePath().normalize(), targets);
        CommandRunner runner = spec.runner().startsProcesses() ? spec.runner() : new ProcessCommandRunner(log);
        dev.golive.build.GoBuilder builder = new dev.golive.build.GoBuilder(runner, DirectoryHostRoot.live(log));
        builder.modulePath(bs); // "no such directory" / "not a Go module directory" before go is even started
        dev.golive.build.GoToolchain tc = builder.checkedToolchain(bs);
        return builder.build(bs, tc, listener);
    }

    /**
     * The Go module in {@code moduleDir} on this machine (where builds run): the path on its
     * go.mod module line. One line, exit 2, when the directory is missing or has no go.mod, so
     * the TUI can check a module directory as it is entered instead of when b is pressed.
     */
    public String checkModuleDir(Path moduleDir) {
        Path abs = moduleDir.toAbsolutePath().normalize();
        var builder = new dev.golive.build.GoBuilder(spec.runner(), DirectoryHostRoot.live(log));
        return builder.modulePath(dev.golive.build.BuildSpec.defaults(abs, List.of()));
    }

    // ---- completion for the guide --------------------------------------------------------

    /** Entries of a directory on the host golive works on (directories end with '/'), sorted; empty when unreadable. */
    public List<String> listDir(String path) {
        String dir = path == null || path.isEmpty() ? "/" : path;
        return spec.root().list(dir).orElse(List.of()).stream()
                .map(n -> spec.root().isDirectory(dir.endsWith("/") ? dir + n : dir + "/" + n) ? n + "/" : n)
                .sorted().toList();
    }

    /** Login names in the host's /etc/passwd (the host golive works on, so a capture's users), for completion. */
    public List<String> users() {
        return spec.root().read("/etc/passwd").opt().map(t -> t.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && l.indexOf(':') > 0)
                .map(l -> l.substring(0, l.indexOf(':'))).sorted().toList()).orElse(List.of());
    }

    @Override public void close() { spec.close(); }
}
