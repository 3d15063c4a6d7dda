package dev.golive.apply;

import dev.golive.host.CommandResult;
import dev.golive.host.FaultPoints;
import dev.golive.host.FileState;
import dev.golive.host.HostLock;
import dev.golive.host.HostWriter;
import dev.golive.model.FileChange;
import dev.golive.model.GoliveException;
import dev.golive.model.PlanAction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts back what a snapshot recorded, in reverse order of the apply: live values (last
 * first), then files (restore bytes, mode and owner, or remove a file that did not exist),
 * then the directories golive created, then systemctl as the apply ran it; marks the
 * snapshot rolled-back.
 *
 * <p>It trusts no record of how far the apply got (a crash may have stopped it anywhere):
 * each item is compared with both sides. As before → left alone (a live value a reboot
 * reset is reported, not rewritten); as golive left it → restored; anything else was
 * changed by someone since, and the whole rollback is refused with a diff unless forced.
 * Every step is idempotent, so a rollback that itself dies is finished by running it again.
 */
public final class Rollback {

    public record Options(boolean force) { }

    private final HostTarget host;
    private final HostWriter w;
    private final FaultPoints faults;

    public Rollback(HostTarget host) {
        this.host = host;
        this.w = host.writer();
        this.faults = host.faults();
    }

    /** Takes the host lock, then rolls back snapshot {@code id}. */
    public RollbackResult rollback(String id, Options opts) {
        try (HostLock lock = HostLock.acquire(w)) {
            Manifest m = host.store().load(id);
            if (m.state() == Manifest.State.ROLLED_BACK) throw GoliveException.badInput("snapshot " + id + " was rolled back already");
            return run(m, opts);
        }
    }

    /** Rolls back every unfinished apply (newest first) and clears unpublished leftovers: {@code golive recover}. */
    public List<RollbackResult> recover(Options opts) {
        try (HostLock lock = HostLock.acquire(w)) {
            SnapshotStore store = host.store();
            List<String> ids = new ArrayList<>(store.unfinished());
            List<Manifest> ms = new ArrayList<>();
            for (String id : ids) ms.add(store.load(id));
            ms.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
            List<RollbackResult> out = new ArrayList<>();
            for (Manifest m : ms) out.add(run(m, opts));
            store.removePartials();
            return out;
        }
    }

    /** What a rollback of {@code m} would overwrite that golive did not write: empty when none. */
    public Optional<RollbackRefused> conflicts(Manifest m) {
        List<String> items = new ArrayList<>();
        StringBuilder diff = new StringBuilder();
        for (Manifest.FileEntry f : m.files()) {
            FileState now = w.stat(f.path());
            if (asBefore(f, now) || asAfter(f, now)) continue;
            items.add(f.path());
            String wrote = m.plan().files().stream().filter(c -> c.path().equals(f.path())).findFirst()
                    .flatMap(FileChange::after).orElse(null);
            diff.append(TextDiff.unified(f.path(), wrote, now.exists() ? now.text() : null, "golive-wrote", "now"));
        }
        for (Manifest.LiveEntry l : m.live()) {
            Optional<String> now = host.live().read(l.path(), l.format());
            if (now.isEmpty() || now.get().equals(l.before()) || now.get().equals(l.after())) continue; // gone: reported, not a conflict
            items.add(l.key());
            diff.append(l.key()).append(": golive set ").append(l.after()).append(", now ").append(now.orElse("(gone)")).append('\n');
        }
        for (String binary : new Finisher(host).conflicts(m)) {
            items.add(binary);
            diff.append(binary).append(": golive installed a binary with SHA-256 ").append(m.finish().stream()
                    .filter(f -> f.target().equals(binary)).findFirst().map(Manifest.FinishEntry::afterSha256).orElse("?"))
                    .append(", now it is another file\n");
        }
        if (items.isEmpty()) return Optional.empty();
        return Optional.of(new RollbackRefused("snapshot " + m.id() + ": changed since golive wrote it: " + String.join(", ", items)
                + "; rolling back would lose that (see the diff); use --force to roll back anyway", diff.toString()));
    }

    /** Rolls back {@code m} (the lock is held by the caller). */
    RollbackResult run(Manifest m, Options opts) {
        long start = System.nanoTime();
        if (!opts.force()) {
            Optional<RollbackRefused> c = conflicts(m);
            if (c.isPresent()) throw c.get();
        }
        SnapshotStore store = host.store();
        // journalled before the first write: a rollback killed half-way must not leave a snapshot that says
        // "applied" (nothing at start, nothing for recover) over a half-restored host
        m = m.withState(Manifest.State.ROLLING_BACK, host.clock().instant());
        store.update(m);
        List<String> restored = new ArrayList<>(), reported = new ArrayList<>();
        Finisher finisher = new Finisher(host);
        finisher.undo(m, restored, reported);
        int step = 0;
        for (int i = m.live().size() - 1; i >= 0; i--) {
            Manifest.LiveEntry l = m.live().get(i);
            host.live().removeLeftover(l.path());
            Optional<String> now = host.live().read(l.path(), l.format());
            if (now.isEmpty()) {
                // the key is gone (a module unloaded, another kernel booted): nothing golive could write back
                reported.add(l.key() + ": " + l.path() + " no longer exists; its value before the apply was " + l.before());
            } else if (now.get().equals(l.before())) {
                reported.add(l.key() + " is already " + l.before() + " (its value before the apply; reset by a reboot, or never set): left alone");
            } else {
                host.live().write(l.path(), l.format(), l.before());
                restored.add(l.key() + " " + now.orElse("(gone)") + " → " + l.before());
            }
            faults.hit("rollback:" + (++step));
        }
        for (int i = m.files().size() - 1; i >= 0; i--) {
            Manifest.FileEntry f = m.files().get(i);
            w.removeTemp(f.path());
            FileState now = w.stat(f.path());
            if (asBefore(f, now) && (!f.existed() || (now.mode() == f.mode() && now.owner().equals(f.owner()) && now.group().equals(f.group())))) {
                reported.add(f.path() + " is already as before: left alone");
            } else if (f.existed()) {
                w.writeOwned(f.path(), store.copy(m, f), f.mode(), f.owner(), f.group(), true, null);
                restored.add("restored " + f.path());
            } else {
                w.deleteOwned(f.path(), true, null);
                restored.add("removed " + f.path() + " (it did not exist before)");
            }
            faults.hit("rollback:" + (++step));
        }
        List<String> dirs = new ArrayList<>(m.createdDirs());
        for (int i = dirs.size() - 1; i >= 0; i--) {
            if (w.removeDirIfEmpty(dirs.get(i))) restored.add("removed directory " + dirs.get(i));
        }
        restored.addAll(systemctl(m));
        restored.addAll(finisher.restartAfter(m));
        Manifest done = m.withState(Manifest.State.ROLLED_BACK, host.clock().instant());
        for (String r : reported) done = done.withNote(r);
        store.update(done);
        return new RollbackResult(m.id(), restored, reported, (System.nanoTime() - start) / 1_000_000);
    }

    /** systemd must re-read the restored files the way the apply made it read the new ones. */
    private List<String> systemctl(Manifest m) {
        List<String> out = new ArrayList<>();
        for (Manifest.ActionEntry a : m.actions()) {
            boolean ran = a.status().equals("done");
            boolean reload = a.kind() != PlanAction.Kind.RESTART_SERVICE;
            // a crash may have come between running systemctl and recording it: reload whenever the plan had it
            if (!(reload || ran)) continue;
            if (!host.runsSystemctl()) {
                if (reload) out.add(Applier.describe(a) + ": skipped: target tree, no systemd runs for it");
                continue;
            }
            List<String> argv = switch (a.kind()) {
                case DAEMON_RELOAD -> List.of("systemctl", "daemon-reload");
                case DAEMON_REEXEC -> List.of("systemctl", "daemon-reexec");
                case RESTART_SERVICE -> List.of("systemctl", "restart", a.unit().orElseThrow());
            };
            CommandResult r = host.runner().run(argv, Duration.ofSeconds(90));
            // the files are back already; a systemctl that fails now is for the admin to see and rerun, not a reason to stop
            out.add(r.ok() ? String.join(" ", argv) + ": done" : r.problem() + " (files are restored; run it by hand)");
        }
        return out;
    }

    private static boolean asBefore(Manifest.FileEntry f, FileState now) {
        if (!f.existed()) return !now.exists();
        return now.exists() && f.sha256().equals(now.sha256());
    }

    private static boolean asAfter(Manifest.FileEntry f, FileState now) {
        if (f.removes()) return !now.exists();
        return now.exists() && f.afterSha256().equals(now.sha256());
    }
}
