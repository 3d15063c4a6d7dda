package dev.golive.apply;

import dev.golive.host.CommandResult;
import dev.golive.host.FaultPoints;
import dev.golive.host.FileState;
import dev.golive.host.HostLock;
import dev.golive.host.HostPaths;
import dev.golive.host.HostWriter;
import dev.golive.host.Sha256;
import dev.golive.model.ExitCode;
import dev.golive.model.FileChange;
import dev.golive.model.GoliveException;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link Plan} in DESIGN.md's order: lock; check the plan still fits the host
 * (nothing written if not); journal (the snapshot, fsynced before the first change); files,
 * atomically; live values, each read back; systemctl daemon-reload/-reexec when the plan
 * says (skipped and recorded in a target tree); restarts only when asked; verify by
 * re-reading everything; mark applied. Any failure after the journal rolls back what was
 * done, in reverse order, and ends with exit 4 and one line.
 */
public final class Applier {

    /**
     * {@code restart}: run the plan's restarts (the admin asked for them). {@code finish}: then
     * finish the service (accounts, binary, directories, start; model.FinishPlan), in the same snapshot.
     */
    public record Options(boolean restart, Optional<dev.golive.model.FinishPlan> finish) {
        public static final Options DEFAULT = new Options(false);

        public Options(boolean restart) { this(restart, Optional.empty()); }
    }

    private static final Duration SYSTEMCTL_TIMEOUT = Duration.ofSeconds(90);

    private final HostTarget host;
    private final HostWriter w;
    private final FaultPoints faults;
    /** Told each step as soon as it is done (the TUI's Apply screen follows along). */
    private java.util.function.Consumer<String> progress = line -> { };

    public Applier(HostTarget host) {
        this.host = host;
        this.w = host.writer();
        this.faults = host.faults();
    }

    /** Reports every step (the same lines as {@link ApplyResult#lines()}) as soon as it is done. */
    public Applier withProgress(java.util.function.Consumer<String> progress) {
        this.progress = java.util.Objects.requireNonNull(progress);
        return this;
    }

    public ApplyResult apply(Plan plan, Options opts) {
        long start = System.nanoTime();
        SnapshotStore.checkId(plan.id());
        try (HostLock lock = HostLock.acquire(w)) {
            Map<String, byte[]> copies = new LinkedHashMap<>();
            Map<String, byte[]> installs = new LinkedHashMap<>();
            Manifest m = preflight(plan, copies);
            if (opts.finish().isPresent()) {
                List<Manifest.FinishEntry> finish = new Finisher(host).preflight(opts.finish().get(), copies, installs);
                m = new Manifest(m.id(), m.state(), m.root(), m.createdAt(), m.updatedAt(), m.files(), m.createdDirs(), m.live(),
                        m.actions(), m.failure(), m.notes(), m.plan(), finish);
            }
            try {
                faults.hit("before-manifest");
                host.store().create(m, copies);
            } catch (RuntimeException e) {
                throw new GoliveException(ExitCode.ENVIRONMENT, "cannot write the snapshot " + plan.id() + ": " + oneLine(e)
                        + "; nothing was changed", e);
            }
            List<String> lines = new ArrayList<>();
            try {
                faults.hit("after-manifest");
                m = change(m, plan, opts, lines);
                if (!m.finish().isEmpty()) m = new Finisher(host).run(m, installs, line -> done(lines, line));
                verify(m);
                faults.hit("verify");
                m = m.withState(Manifest.State.APPLIED, host.clock().instant());
                host.store().update(m);
            } catch (RuntimeException e) {
                throw failed(m, e);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new ApplyResult(m.id(), m.files().size(), m.live().size(), lines, ms);
        }
    }

    /**
     * Everything checked before anything is written: the snapshot id is new, every file is
     * one golive owns, reached without links, and still as the plan saw it; every live value
     * exists and still reads as planned. Builds the journal from what is found.
     */
    Manifest preflight(Plan plan, Map<String, byte[]> copies) {
        if (host.store().exists(plan.id())) throw GoliveException.badInput("snapshot " + plan.id() + " exists already: this plan was applied before; make a new plan");
        List<Manifest.FileEntry> files = new ArrayList<>();
        Set<String> createdDirs = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < plan.files().size(); i++) {
            FileChange f = plan.files().get(i);
            if (!seen.add(f.path())) throw GoliveException.badInput("plan " + plan.id() + ": " + f.path() + " appears twice");
            Optional<String> problem = w.ownershipProblem(f.path(), false);
            if (problem.isPresent()) throw GoliveException.environment(problem.get());
            if (f.after().isPresent() && !OwnedFiles.isOwned(f.after().get())) {
                throw GoliveException.badInput("plan " + plan.id() + ": new content of " + f.path() + " lacks golive's header; golive writes only files it can recognise later");
            }
            Optional<String> who = w.principalProblem(f.owner(), f.group());
            if (who.isPresent()) throw GoliveException.environment(f.path() + ": " + who.get() + "; nothing was changed");
            FileState cur = w.stat(f.path());
            if (!cur.hasContent(f.before().map(HostWriter::utf8))) {
                throw stale(f.path() + (cur.exists() ? (f.before().isEmpty() ? " exists now" : " changed") : " is gone")
                        + " since the plan was made");
            }
            createdDirs.addAll(w.missingDirs(HostPaths.parent(f.path())));
            String copy = cur.exists() ? i + ".before" : null;
            if (copy != null) copies.put(copy, cur.bytes());
            byte[] after = f.after().map(HostWriter::utf8).orElse(null);
            files.add(new Manifest.FileEntry(f.path(), cur.exists(), cur.mode(), cur.owner(), cur.group(), cur.sha256(), copy,
                    after == null ? null : Sha256.of(after), f.mode(), f.owner(), f.group()));
        }
        List<Manifest.LiveEntry> live = new ArrayList<>();
        for (LiveChange l : plan.live()) {
            Optional<String> now = host.live().read(l.path(), l.format());
            if (now.isEmpty()) throw GoliveException.environment(l.path() + ": no such key on this host (" + l.key() + ")");
            String planned = dev.golive.host.LiveValues.normalise(l.format(), l.before());
            if (!now.get().equals(planned)) throw stale(l.key() + " is " + now.get() + " now, the plan saw " + planned);
            live.add(new Manifest.LiveEntry(l.key(), l.path(), l.format(), now.get(), dev.golive.host.LiveValues.normalise(l.format(), l.after()), l.perNamespace()));
        }
        List<Manifest.ActionEntry> actions = new ArrayList<>();
        for (PlanAction a : plan.actions()) actions.add(new Manifest.ActionEntry(a.kind(), a.unit(), "pending"));
        var now = host.clock().instant();
        return new Manifest(plan.id(), Manifest.State.APPLYING, w.base().toString(), now, now, files, List.copyOf(createdDirs),
                live, actions, Optional.empty(), List.of(), plan, List.of());
    }

    static String oneLine(RuntimeException e) {
        String m = e instanceof GoliveException g ? g.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return m.replace('\n', ' ');
    }

    private static GoliveException stale(String what) {
        return GoliveException.environment("the plan is stale: " + what + "; nothing was changed; make a new plan");
    }

    private Manifest change(Manifest m, Plan plan, Options opts, List<String> lines) {
        List<String> dirs = m.createdDirs();
        for (int i = 0; i < plan.files().size(); i++) {
            FileChange f = plan.files().get(i);
            String parent = HostPaths.parent(f.path());
            w.createDirs(dirs.stream().filter(d -> parent.equals(d) || parent.startsWith(d + "/")).toList(), 0755);
            String tag = String.valueOf(i + 1);
            if (f.after().isPresent()) {
                w.writeOwned(f.path(), HostWriter.utf8(f.after().get()), f.mode(), f.owner(), f.group(), false, tag);
                done(lines, (f.before().isPresent() ? "wrote " : "created ") + f.path() + " (" + JsonFields.mode(f.mode()) + " " + f.owner() + ":" + f.group() + ")");
            } else {
                w.deleteOwned(f.path(), false, tag);
                done(lines, "removed " + f.path());
            }
        }
        for (int i = 0; i < m.live().size(); i++) {
            Manifest.LiveEntry l = m.live().get(i);
            host.live().write(l.path(), l.format(), l.after(), "live:" + (i + 1));
            done(lines, "set " + l.key() + " " + l.before() + " → " + l.after());
            faults.hit("live-write:" + (i + 1));
        }
        boolean ranSomething = false;
        for (int i = 0; i < m.actions().size(); i++) {
            Manifest.ActionEntry a = m.actions().get(i);
            String status = runAction(a, opts);
            m = m.withAction(i, status);
            done(lines, describe(a) + ": " + status);
            ranSomething |= status.equals("done");
            faults.hit(actionPoint(a));
        }
        // recorded at once only when systemctl ran (a rollback re-runs a reload anyway; a restart it must know of)
        if (ranSomething) host.store().update(m);
        return m;
    }

    private void done(List<String> lines, String line) {
        lines.add(line);
        progress.accept(line);
    }

    static String actionPoint(Manifest.ActionEntry a) {
        return switch (a.kind()) {
            case DAEMON_RELOAD -> "daemon-reload";
            case DAEMON_REEXEC -> "daemon-reexec";
            case RESTART_SERVICE -> "restart:" + a.unit().orElse("");
        };
    }

    static String describe(Manifest.ActionEntry a) {
        return switch (a.kind()) {
            case DAEMON_RELOAD -> "systemctl daemon-reload";
            case DAEMON_REEXEC -> "systemctl daemon-reexec";
            case RESTART_SERVICE -> "systemctl restart " + a.unit().orElse("?");
        };
    }

    private String runAction(Manifest.ActionEntry a, Options opts) {
        if (a.kind() == PlanAction.Kind.RESTART_SERVICE && !opts.restart()) return "not asked (apply --restart to run it)";
        if (!host.runsSystemctl()) return "skipped: target tree, no systemd runs for it";
        List<String> argv = switch (a.kind()) {
            case DAEMON_RELOAD -> List.of("systemctl", "daemon-reload");
            case DAEMON_REEXEC -> List.of("systemctl", "daemon-reexec");
            case RESTART_SERVICE -> List.of("systemctl", "restart", a.unit().orElseThrow());
        };
        CommandResult r = host.runner().run(argv, SYSTEMCTL_TIMEOUT);
        if (!r.ok()) throw GoliveException.environment(r.problem());
        return "done";
    }

    /** Re-reads every file and live value; anything not as planned fails the apply. */
    private void verify(Manifest m) {
        for (Manifest.FileEntry f : m.files()) {
            FileState now = w.stat(f.path());
            if (f.removes()) {
                if (now.exists()) throw GoliveException.environment("verify: " + f.path() + " still exists");
                continue;
            }
            if (!now.exists() || !f.afterSha256().equals(now.sha256())) throw GoliveException.environment("verify: " + f.path() + " does not hold what golive wrote");
            if (now.mode() != f.afterMode()) throw GoliveException.environment("verify: " + f.path() + " has mode " + JsonFields.mode(now.mode()) + ", planned " + JsonFields.mode(f.afterMode()));
            if (!now.owner().equals(f.afterOwner()) || !now.group().equals(f.afterGroup())) {
                throw GoliveException.environment("verify: " + f.path() + " is owned by " + now.owner() + ":" + now.group() + ", planned " + f.afterOwner() + ":" + f.afterGroup());
            }
        }
        for (Manifest.FinishEntry f : m.finish()) {
            if (f.kind() == dev.golive.model.FinishPlan.Kind.INSTALL_BINARY && !f.afterSha256().equals(w.stat(f.target()).sha256())) {
                throw GoliveException.environment("verify: " + f.target() + " does not hold the binary golive installed");
            }
        }
        for (Manifest.LiveEntry l : m.live()) {
            String now = host.live().read(l.path(), l.format()).orElse("(gone)");
            if (!now.equals(l.after())) throw GoliveException.environment("verify: " + l.key() + " reads " + now + ", planned " + l.after());
        }
    }

    /** Rolls back after a failure; the exception to end the run with (exit 4, or 5 when the rollback failed too). */
    private GoliveException failed(Manifest m, RuntimeException cause) {
        String what = oneLine(cause);
        Manifest failedM = m.withFailure(what);
        try {
            // forced: this run holds the lock and checked every item moments ago, so anything unexpected
            // (a kernel that clamped a value on write) is golive's own doing
            new Rollback(host).run(failedM, new Rollback.Options(true));
            return new GoliveException(ExitCode.APPLY_ROLLED_BACK, "apply failed: " + what + "; rolled back, the host is as before (snapshot " + m.id() + ")", cause);
        } catch (RuntimeException r) {
            try {
                host.store().update(failedM.withState(Manifest.State.FAILED, host.clock().instant())
                        .withNote("rollback after the failure did not finish: " + r.getMessage()));
            } catch (RuntimeException ignored) {
                // the manifest still says applying: recover finds it either way
            }
            return new GoliveException(ExitCode.INTERNAL, "apply failed: " + what + "; the rollback failed too (" + r.getMessage()
                    + "); the host is half-changed: run golive recover", cause);
        }
    }
}
