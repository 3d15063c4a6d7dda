package dev.golive.apply;

import dev.golive.host.AdminNamedFiles;
import dev.golive.host.CommandResult;
import dev.golive.host.FaultPoints;
import dev.golive.host.FileState;
import dev.golive.host.HostWriter;
import dev.golive.host.Sha256;
import dev.golive.model.FinishPlan;
import dev.golive.model.FinishPlan.Kind;
import dev.golive.model.GoliveException;
import dev.golive.model.SystemAccounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The finishing steps of an apply (model.FinishPlan; docs/snapshots.md, "Finishing a service"):
 * checked before the journal, journalled in the snapshot's {@code finish} list, done after the
 * files, live values and daemon-reload, and undone by a rollback. On the live host accounts are
 * made with {@code groupadd}/{@code useradd --system} and units driven by {@code systemctl}; in a
 * target tree the account lines are written into its files (as those tools write them) and no
 * unit is started.
 *
 * <p>As for files, a rollback trusts no record of how far the apply got: an account that did not
 * exist before and exists now is golive's (preflight saw it absent), a binary is compared with
 * both SHA-256s, a directory that did not exist is removed when empty, a unit golive started is
 * stopped (and disabled unless it was enabled before).
 */
final class Finisher {

    static final String PASSWD = "/etc/passwd", GROUP = "/etc/group", SHADOW = "/etc/shadow", GSHADOW = "/etc/gshadow";
    private static final Duration SYSTEMCTL_TIMEOUT = Duration.ofSeconds(90);
    static final String TREE_SKIP = "skipped: target tree, no systemd runs for it";

    private final HostTarget host;
    private final HostWriter w;
    private final FaultPoints faults;

    Finisher(HostTarget host) {
        this.host = host;
        this.w = host.writer();
        this.faults = host.faults();
    }

    /**
     * Checks every step against the host as it is now (nothing written) and returns the journal
     * entries. {@code copies} gets the binary being replaced, {@code installs} the bytes to install.
     */
    List<Manifest.FinishEntry> preflight(FinishPlan f, Map<String, byte[]> copies, Map<String, byte[]> installs) {
        List<Manifest.FinishEntry> out = new ArrayList<>();
        for (FinishPlan.Step s : f.steps()) {
            switch (s.kind()) {
                case CREATE_GROUP -> {
                    if (SystemAccounts.has(text(GROUP), s.target())) throw stale("group " + s.target() + " exists now");
                    out.add(entry(s, null, null, null));
                }
                case CREATE_USER -> {
                    if (SystemAccounts.has(text(PASSWD), s.target())) throw stale("user " + s.target() + " exists now");
                    out.add(entry(s, null, null, null));
                }
                case CREATE_DIRECTORY -> {
                    if (w.exists(s.target())) throw stale(s.target() + " exists now");
                    w.refuseLinks(s.target());
                    out.add(entry(s, null, null, null));
                }
                case INSTALL_BINARY -> {
                    byte[] bytes = AdminNamedFiles.readBytes(s.line());
                    if (bytes.length == 0) throw GoliveException.badInput(s.line() + ": empty file; not a binary to install");
                    w.refuseLinks(s.target());
                    FileState cur = w.stat(s.target());
                    String copy = null;
                    if (cur.exists()) {
                        copy = "binary.before";
                        copies.put(copy, cur.bytes());
                    }
                    installs.put(s.target(), bytes);
                    out.add(new Manifest.FinishEntry(s.kind(), s.target(), s.line(), cur.exists() ? cur.owner() : null,
                            cur.exists() ? cur.group() + ":" + JsonFields.mode(cur.mode()) : null, cur.sha256(), copy, Sha256.of(bytes), "pending"));
                }
                case START_UNIT -> {
                    String was = "";
                    if (host.runsSystemctl()) {
                        CommandResult r = host.runner().run(List.of("systemctl", "is-enabled", s.target()), SYSTEMCTL_TIMEOUT);
                        if (!r.ran()) throw GoliveException.environment(r.problem() + "; nothing was changed");
                        was = r.stdout().strip();
                    }
                    out.add(entry(s, was, null, null));
                }
                case RESTART_UNIT -> out.add(entry(s, null, null, null));
            }
        }
        return out;
    }

    private static Manifest.FinishEntry entry(FinishPlan.Step s, String before, String copy, String after) {
        return new Manifest.FinishEntry(s.kind(), s.target(), s.line(), s.owner(), s.group(), before, copy, after, "pending");
    }

    /** Does each step, journalling its status as it goes. */
    Manifest run(Manifest m, Map<String, byte[]> installs, Consumer<String> done) {
        for (int i = 0; i < m.finish().size(); i++) {
            Manifest.FinishEntry e = m.finish().get(i);
            String status = step(e, installs);
            m = m.withFinish(i, status);
            host.store().update(m);
            done.accept(e.kind().text() + " " + e.target() + ": " + status);
            faults.hit("finish:" + (i + 1));
        }
        return m;
    }

    private String step(Manifest.FinishEntry e, Map<String, byte[]> installs) {
        boolean live = host.runsSystemctl();
        switch (e.kind()) {
            case CREATE_GROUP -> {
                if (live) {
                    command(List.of("groupadd", "--system", e.target()));
                } else {
                    append(GROUP, e.line());
                    if (w.exists(GSHADOW)) append(GSHADOW, SystemAccounts.gshadowLine(e.target()));
                }
                return "done";
            }
            case CREATE_USER -> {
                String[] f = e.line().split(":", -1);
                if (live) {
                    String group = SystemAccounts.name(groupLineById(f[3]));
                    command(List.of("useradd", "--system", "--gid", group, "--no-create-home", "--home-dir", f[5], "--shell", f[6], e.target()));
                } else {
                    append(PASSWD, e.line());
                    if (w.exists(SHADOW)) append(SHADOW, SystemAccounts.shadowLine(e.target()));
                }
                return "done";
            }
            case CREATE_DIRECTORY -> {
                w.createDirs(w.missingDirs(e.target()), 0755);
                w.chown(e.target(), uid(e.owner()), gid(e.group()));
                return "done";
            }
            case INSTALL_BINARY -> {
                w.writeAtomic(e.target(), installs.get(e.target()), 0755, "root", "root", "binary");
                return "done";
            }
            case START_UNIT -> {
                if (!live) return TREE_SKIP;
                command(List.of("systemctl", "enable", e.target()));
                command(List.of("systemctl", "start", e.target()));
                return "done";
            }
            case RESTART_UNIT -> {
                if (!live) return TREE_SKIP;
                command(List.of("systemctl", "restart", e.target()));
                return "done";
            }
        }
        throw new IllegalStateException(e.kind().name());
    }

    /** What a rollback would overwrite that golive did not write: the installed binary, changed since. */
    List<String> conflicts(Manifest m) {
        List<String> out = new ArrayList<>();
        for (Manifest.FinishEntry e : m.finish()) {
            if (e.kind() != Kind.INSTALL_BINARY) continue;
            String now = w.stat(e.target()).sha256();
            if (now != null && !now.equals(e.afterSha256()) && !now.equals(e.before())) out.add(e.target());
        }
        return out;
    }

    /**
     * Undoes the steps last-first, before the files are restored: stops (and disables) a unit
     * golive started, puts the old binary back, removes the directories and accounts golive made.
     * A unit golive restarted is restarted once more by {@link #restartAfter}, when its files are back.
     */
    void undo(Manifest m, List<String> restored, List<String> reported) {
        boolean live = host.runsSystemctl();
        for (int i = m.finish().size() - 1; i >= 0; i--) {
            Manifest.FinishEntry e = m.finish().get(i);
            switch (e.kind()) {
                case START_UNIT -> {
                    if (!live) break;
                    restored.add(quiet(List.of("systemctl", "stop", e.target())));
                    if (!"enabled".equals(e.before())) restored.add(quiet(List.of("systemctl", "disable", e.target())));
                }
                case RESTART_UNIT -> { }
                case INSTALL_BINARY -> {
                    w.removeTemp(e.target());
                    FileState now = w.stat(e.target());
                    if (e.before() == null) {
                        if (now.exists()) {
                            w.deleteFile(e.target());
                            restored.add("removed " + e.target() + " (there was no binary before)");
                        } else {
                            reported.add(e.target() + " is already as before (absent): left alone");
                        }
                    } else if (e.before().equals(now.sha256())) {
                        reported.add(e.target() + " is already as before: left alone");
                    } else {
                        String[] groupMode = e.group().split(":");
                        w.writeAtomic(e.target(), host.store().copyNamed(m, e.copy()), Integer.parseInt(groupMode[1], 8), e.owner(), groupMode[0], null);
                        restored.add("restored the previous " + e.target());
                    }
                }
                case CREATE_DIRECTORY -> {
                    List<String> made = new ArrayList<>();
                    String d = e.target();
                    if (w.removeDirIfEmpty(d)) made.add(d);
                    if (!made.isEmpty()) restored.add("removed directory " + d);
                    else if (w.exists(d)) reported.add(d + " is not empty: left in place (golive created it empty)");
                }
                case CREATE_USER -> undoAccount(e, live, PASSWD, SHADOW, SystemAccounts.shadowLine(e.target()), "userdel", restored, reported);
                case CREATE_GROUP -> undoAccount(e, live, GROUP, GSHADOW, SystemAccounts.gshadowLine(e.target()), "groupdel", restored, reported);
            }
            faults.hit("rollback:finish:" + (i + 1));
        }
    }

    /** After the files are back and systemd reloaded them: the unit golive restarted runs the old unit and binary again. */
    List<String> restartAfter(Manifest m) {
        List<String> out = new ArrayList<>();
        if (!host.runsSystemctl()) return out;
        for (Manifest.FinishEntry e : m.finish()) {
            if (e.kind() == Kind.RESTART_UNIT && !e.status().equals("pending")) out.add(quiet(List.of("systemctl", "restart", e.target())));
        }
        return out;
    }

    private void undoAccount(Manifest.FinishEntry e, boolean live, String file, String shadowFile, String shadowLine, String tool,
                             List<String> restored, List<String> reported) {
        String what = (e.kind() == Kind.CREATE_USER ? "user " : "group ") + e.target();
        if (!SystemAccounts.has(text(file), e.target())) {
            reported.add(what + " does not exist: left alone");
            return;
        }
        if (live) {
            // absent when the snapshot was written, present now: golive made it
            CommandResult r = host.runner().run(List.of(tool, e.target()), SYSTEMCTL_TIMEOUT);
            if (!r.ok()) throw GoliveException.environment(r.problem());
            restored.add(tool + " " + e.target());
            return;
        }
        if (!SystemAccounts.entry(text(file), e.target()).orElse("").equals(e.line())) {
            reported.add(what + ": its " + file + " line changed since golive wrote it: left in place");
            return;
        }
        remove(file, e.line());
        if (w.exists(shadowFile)) remove(shadowFile, shadowLine);
        restored.add("removed " + what + " (" + file + ")");
    }

    private String quiet(List<String> argv) {
        CommandResult r = host.runner().run(argv, SYSTEMCTL_TIMEOUT);
        return r.ok() ? String.join(" ", argv) + ": done" : r.problem() + " (run it by hand)";
    }

    private void command(List<String> argv) {
        CommandResult r = host.runner().run(argv, SYSTEMCTL_TIMEOUT);
        if (!r.ok()) throw GoliveException.environment(r.problem());
    }

    private String text(String path) {
        FileState s = w.stat(path);
        return s.exists() ? s.text() : "";
    }

    private String groupLineById(String gid) {
        return text(GROUP).lines().filter(l -> l.split(":", -1).length > 2 && l.split(":", -1)[2].equals(gid)).findFirst()
                .orElseThrow(() -> GoliveException.environment("no group with id " + gid + " in " + GROUP));
    }

    /** Appends one line to an account file, atomically, keeping its mode and owner (created 0644 root when absent). */
    private void append(String path, String line) {
        FileState cur = w.stat(path);
        String old = cur.exists() ? cur.text() : "";
        String now = old + (old.isEmpty() || old.endsWith("\n") ? "" : "\n") + line + "\n";
        w.writeAtomic(path, now.getBytes(StandardCharsets.UTF_8), cur.exists() ? cur.mode() : 0644,
                cur.exists() ? cur.owner() : "root", cur.exists() ? cur.group() : "root", null);
    }

    private void remove(String path, String line) {
        FileState cur = w.stat(path);
        if (!cur.exists()) return;
        StringBuilder b = new StringBuilder();
        for (String l : cur.text().split("\n", -1)) {
            if (l.equals(line)) continue;
            b.append(l).append('\n');
        }
        String now = b.substring(0, b.length() - 1); // split kept the text after the last newline as one element
        w.writeAtomic(path, now.getBytes(StandardCharsets.UTF_8), cur.mode(), cur.owner(), cur.group(), null);
    }

    private int uid(String name) {
        if (name.matches("\\d+")) return Integer.parseInt(name);
        OptionalInt id = SystemAccounts.id(text(PASSWD), name);
        return id.orElseThrow(() -> GoliveException.environment("no user " + name + " in " + PASSWD));
    }

    private int gid(String name) {
        if (name.matches("\\d+")) return Integer.parseInt(name);
        OptionalInt id = SystemAccounts.id(text(GROUP), name);
        return id.orElseThrow(() -> GoliveException.environment("no group " + name + " in " + GROUP));
    }

    private static GoliveException stale(String what) {
        return GoliveException.environment("the plan is stale: " + what + "; nothing was changed; make a new plan");
    }
}
