package dev.golive.apply;

import dev.golive.model.LiveChange;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot's journal (docs/snapshots.md): everything needed to put the host back as it was,
 * written and fsynced before the first change. It records the host as found (each file's
 * existence, mode, owner, SHA-256 and a copy of its bytes; each live value) and what golive
 * will write (each file's new SHA-256; each live value's target), so a later rollback can
 * tell "as golive left it" from "changed since" without trusting how far the apply got.
 */
public record Manifest(
        String id,
        State state,
        String root,
        Instant createdAt,
        Instant updatedAt,
        List<FileEntry> files,
        List<String> createdDirs,
        List<LiveEntry> live,
        List<ActionEntry> actions,
        Optional<String> failure,
        List<String> notes,
        Plan plan,
        List<FinishEntry> finish) {

    public static final int FORMAT = 1;

    public Manifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        files = List.copyOf(files);
        createdDirs = List.copyOf(createdDirs);
        live = List.copyOf(live);
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
        finish = List.copyOf(finish);
    }

    public enum State {
        APPLYING("applying"), APPLIED("applied"), ROLLING_BACK("rolling-back"), ROLLED_BACK("rolled-back"), FAILED("failed");

        private final String text;
        State(String text) { this.text = text; }
        public String text() { return text; }

        public static Optional<State> of(String text) {
            for (State s : values()) if (s.text.equals(text)) return Optional.of(s);
            return Optional.empty();
        }

        /** An apply that did not finish, or a rollback that did not: the host may be half-changed. */
        public boolean unfinished() { return this == APPLYING || this == ROLLING_BACK || this == FAILED; }
    }

    /**
     * One file. {@code existed}, {@code mode}, {@code owner}, {@code group}, {@code sha256}
     * describe it before the apply ({@code copy}: the snapshot file holding its old bytes);
     * the {@code after*} fields what golive writes ({@code afterSha256} null: golive removes it).
     */
    public record FileEntry(String path, boolean existed, int mode, String owner, String group, String sha256, String copy,
                            String afterSha256, int afterMode, String afterOwner, String afterGroup) {
        public boolean removes() { return afterSha256 == null; }
    }

    /** One live value: normalised before (as found) and after (as planned). */
    public record LiveEntry(String key, String path, LiveChange.Format format, String before, String after, boolean perNamespace) { }

    /** One action after the writes, with what became of it ("pending", "done", "skipped: …", "not asked"). */
    public record ActionEntry(PlanAction.Kind kind, Optional<String> unit, String status) { }

    /**
     * One step of finishing the service (model.FinishPlan), as found and as golive does it.
     * {@code line}: the account line golive adds in a target tree, or the binary's source;
     * {@code before}: for a binary the SHA-256 of the one it replaces (null: none; its bytes in
     * {@code copy}), for a unit golive starts what {@code systemctl is-enabled} said before;
     * {@code afterSha256}: the installed binary's. {@code status} as for actions.
     */
    public record FinishEntry(dev.golive.model.FinishPlan.Kind kind, String target, String line, String owner, String group,
                              String before, String copy, String afterSha256, String status) {
        public FinishEntry withStatus(String s) { return new FinishEntry(kind, target, line, owner, group, before, copy, afterSha256, s); }
    }

    public Manifest withFinish(int index, String status) {
        List<FinishEntry> f = new ArrayList<>(finish);
        f.set(index, f.get(index).withStatus(status));
        return new Manifest(id, state, root, createdAt, updatedAt, files, createdDirs, live, actions, failure, notes, plan, f);
    }

    public Manifest withState(State s, Instant at) {
        return new Manifest(id, s, root, createdAt, at, files, createdDirs, live, actions, failure, notes, plan, finish);
    }

    public Manifest withFailure(String why) {
        return new Manifest(id, state, root, createdAt, updatedAt, files, createdDirs, live, actions, Optional.of(why), notes, plan, finish);
    }

    public Manifest withNote(String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new Manifest(id, state, root, createdAt, updatedAt, files, createdDirs, live, actions, failure, n, plan, finish);
    }

    public Manifest withAction(int index, String status) {
        List<ActionEntry> a = new ArrayList<>(actions);
        ActionEntry old = a.get(index);
        a.set(index, new ActionEntry(old.kind(), old.unit(), status));
        return new Manifest(id, state, root, createdAt, updatedAt, files, createdDirs, live, a, failure, notes, plan, finish);
    }
}
