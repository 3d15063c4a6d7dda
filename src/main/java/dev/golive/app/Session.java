package dev.golive.app;

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
import dev.golive.host.CaptureWriter;
import dev.golive.inspect.Inspector;
import dev.golive.host.RecordingCommandRunner;
import dev.golive.host.RootSpec;
import dev.golive.model.CaptureInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;

import java.nio.file.Path;
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
    /** Fault points for apply/rollback: armed from GOLIVE_FAULT unless a test sets them. */
    private FaultPoints faults;
    private IntSupplier uid = Privileges::effectiveUid;

    private Session(RootSpec spec, AccessLog log) {
        this.spec = spec;
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

    /** Inspects once per session (facts are immutable), optionally for a given cgroup path. */
    public synchronized HostFacts inspect(String cgroupPath) {
        if (facts == null || cgroupPath != null) {
            HostFacts f = Inspector.inspect(spec.root(), spec.runner(), new Inspector.Options(cgroupPath));
            if (spec.manifest() != null && spec.manifest().capturedAt() != null) {
                f = f.withOrigin(new CaptureInfo(f.origin().root(), false, spec.manifest().capturedAt(), f.origin().hostname()));
            }
            if (cgroupPath != null) return f;
            facts = f;
        }
        return facts;
    }

    public HostFacts inspect() { return inspect(null); }

    /**
     * Captures the live host into {@code out}: a directory, or a .tar.gz when the name says so.
     * Inspection runs afresh with every read and command recorded, so the capture holds
     * exactly what inspect reads.
     */
    public CaptureWriter.Summary capture(Path out) {
        if (spec.kind() != RootSpec.Kind.LIVE) throw GoliveException.badInput("capture reads the live host; drop --root");
        AccessLog capLog = new AccessLog();
        RootSpec live = RootSpec.open(null, capLog);
        RecordingCommandRunner rec = new RecordingCommandRunner(live.runner());
        HostFacts f = Inspector.inspect(live.root(), rec, Inspector.Options.defaults());
        return CaptureWriter.writeTo(live.root(), capLog, rec.outputs(), rec.notFound(), f.origin().capturedAt(),
                f.os().hostname().orElse(null), f.os().architecture().orElse(null), f.os().kernelRelease().orElse(null), out);
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

    public ApplyResult apply(dev.golive.model.Plan plan, boolean restart) {
        requireWritable();
        return new Applier(target()).apply(plan, new Applier.Options(restart));
    }

    /** {@code id} null: the newest applied snapshot. */
    public RollbackResult rollback(String id, boolean force) {
        requireWritable();
        HostTarget t = target();
        String which = id != null ? id : t.store().lastApplied().map(Manifest::id)
                .orElseThrow(() -> GoliveException.badInput("no applied snapshot to roll back (see golive snapshots)"));
        return new Rollback(t).rollback(which, new Rollback.Options(force));
    }

    public List<RollbackResult> recover(boolean force) {
        requireWritable();
        return new Rollback(target()).recover(new Rollback.Options(force));
    }

    public List<Manifest> snapshots() { return target().store().all(); }

    public Manifest snapshot(String id) { return target().store().load(id); }

    /** The snapshot's changes as diffs (old → new files, live values old → new). */
    public String snapshotDiff(String id) {
        HostTarget t = target();
        return SnapshotView.diff(t.store(), t.store().load(id));
    }

    public List<String> pruneSnapshots(int keep) {
        requireWritable();
        return target().store().prune(keep);
    }

    /**
     * Ids of applies that did not finish under {@code root} (null: the live host), without
     * opening a Session: every golive start asks this, so it reads only a few bytes per snapshot.
     */
    public static List<String> unfinishedApplies(String root) {
        Path base = root == null || root.isEmpty() ? Path.of("/") : Path.of(root);
        if (root != null && (root.endsWith(".tar.gz") || root.endsWith(".tgz"))) return List.of();
        try {
            HostWriter w = new HostWriter(base, new AccessLog(), FaultPoints.NONE);
            List<String> ids = new SnapshotStore(w).unfinished();
            // an apply in progress holds the lock: its snapshot is "applying" because it is running, not because it died
            return ids.isEmpty() || dev.golive.host.HostLock.heldByAnother(w) ? List.of() : ids;
        } catch (RuntimeException e) {
            return List.of(); // unreadable: the command itself will say what is wrong with the root
        }
    }

    @Override public void close() { spec.close(); }
}
