package dev.golive.ui.tui;

import dev.golive.app.Session;
import dev.golive.check.CheckReport;
import dev.golive.check.Checker;
import dev.golive.host.RootSpec;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the screens share: the session, the inspected facts and check report once loaded,
 * why the host may not be changed, and the findings whose fixes the admin picked for the
 * pending plan. Touched on the GUI thread only; workers hand results back through it.
 */
final class HostModel {

    /** The facts and the report of one inspection, published together. */
    record Loaded(HostFacts facts, CheckReport report) { }

    private final Session session;
    private final boolean readOnlyFlag;
    private Loaded loaded;
    private final Map<String, Finding> picked = new LinkedHashMap<>();

    HostModel(Session session, boolean readOnlyFlag) {
        this.session = session;
        this.readOnlyFlag = readOnlyFlag;
    }

    Session session() { return session; }

    /** Slow: runs on a worker. */
    Loaded inspectAndCheck() {
        HostFacts f = session.inspect();
        return new Loaded(f, Checker.run(f));
    }

    void loaded(Loaded l) { loaded = l; }

    Optional<Loaded> loaded() { return Optional.ofNullable(loaded); }

    /** Why nothing may be written to this host, or null when writing is allowed. */
    String readOnlyReason() {
        if (readOnlyFlag) return "read-only: --read-only";
        RootSpec.Kind k = session.kind();
        if (k == RootSpec.Kind.CAPTURE_ARCHIVE) return "read-only: a .tar.gz capture";
        if (k == RootSpec.Kind.CAPTURE_DIR) return "read-only: a capture";
        return null;
    }

    String rootKind() {
        return switch (session.kind()) {
            case LIVE -> "live host";
            case CAPTURE_DIR -> "capture " + session.describeRoot();
            case CAPTURE_ARCHIVE -> "capture " + session.describeRoot();
            case TARGET_TREE -> "target tree " + session.describeRoot();
        };
    }

    static String key(Finding f) { return f.ruleId() + "|" + f.message(); }

    boolean fixable(Finding f) { return f.fix().map(x -> !x.changes().isEmpty()).orElse(false); }

    boolean isPicked(Finding f) { return picked.containsKey(key(f)); }

    /** Adds the finding's changes to the pending plan, or takes them out again; true when now picked. */
    boolean togglePick(Finding f) {
        if (picked.remove(key(f)) != null) return false;
        picked.put(key(f), f);
        return true;
    }

    List<Finding> picked() { return List.copyOf(picked.values()); }

    List<FixChange> pickedChanges() {
        List<FixChange> out = new ArrayList<>();
        for (Finding f : picked.values()) f.fix().ifPresent(x -> out.addAll(x.changes()));
        return out;
    }
}
