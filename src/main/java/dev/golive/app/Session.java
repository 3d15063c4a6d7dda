package dev.golive.app;

import dev.golive.host.AccessLog;
import dev.golive.host.CaptureWriter;
import dev.golive.inspect.Inspector;
import dev.golive.host.RecordingCommandRunner;
import dev.golive.host.RootSpec;
import dev.golive.model.CaptureInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;

import java.nio.file.Path;

/**
 * The one facade the UIs talk to: which host (live, capture, target tree), what golive did
 * on it (the access log), and the operations. UIs never reach into host/config directly.
 */
public final class Session implements AutoCloseable {

    private final RootSpec spec;
    private final AccessLog log;
    private HostFacts facts;

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

    /**
     * The pre-go-live review of this host (and of {@code service}, a unit name, when given):
     * host summary, findings, the recommended plan, the unit, the snapshot history.
     */
    public dev.golive.report.Review review(String service, java.time.Instant now, String golive) {
        HostFacts f = service == null ? inspect() : inspect("/system.slice/" + dev.golive.config.UnitNames.validate(service));
        return ReviewAssembly.assemble(f, java.util.Optional.ofNullable(service), now.toString(), golive);
    }

    /** The files golive owns on this host as found there (content, absent, or unknown in a capture). */
    public java.util.Map<String, dev.golive.model.Fact<java.util.Optional<String>>> ownedFiles() {
        return dev.golive.report.OwnedFileScan.scan(spec.root());
    }

    /** What differs between two hosts: each "live", a capture directory or a capture .tar.gz. */
    public static dev.golive.report.HostDiff diff(String a, String b) { return HostComparison.compare(a, b); }

    @Override public void close() { spec.close(); }
}
