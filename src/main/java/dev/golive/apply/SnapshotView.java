package dev.golive.apply;

import dev.golive.model.FileChange;

import java.nio.charset.StandardCharsets;

/** What a snapshot changed, for people: unified diffs of the files and live values old → new. */
public final class SnapshotView {
    private SnapshotView() { }

    public static String diff(SnapshotStore store, Manifest m) {
        StringBuilder b = new StringBuilder();
        b.append("snapshot ").append(m.id()).append(" (").append(m.state().text()).append(", profile ").append(m.plan().profile())
                .append(m.plan().service().map(s -> ", service " + s).orElse("")).append(", created ").append(m.createdAt()).append(")\n");
        m.failure().ifPresent(f -> b.append("failure: ").append(f).append('\n'));
        for (Manifest.FileEntry f : m.files()) {
            String before = f.existed() ? new String(store.copy(m, f), StandardCharsets.UTF_8) : null;
            b.append(TextDiff.unified(f.path(), before, wrote(m, f.path()), "a", "b"));
        }
        if (!m.live().isEmpty()) b.append("live values:\n");
        for (Manifest.LiveEntry l : m.live()) {
            b.append("  ").append(l.key()).append(": ").append(l.before()).append(" → ").append(l.after()).append('\n');
        }
        for (Manifest.ActionEntry a : m.actions()) b.append(Applier.describe(a)).append(": ").append(a.status()).append('\n');
        m.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }

    /**
     * Two snapshots side by side: for every file either touched, what golive wrote in {@code a}
     * → what it wrote in {@code b} (a file one of them removed, or never touched, is
     * {@code /dev/null} on that side), then every live value one of them set. Only what differs is shown.
     */
    public static String compare(Manifest a, Manifest b) {
        StringBuilder out = new StringBuilder();
        out.append("snapshot ").append(a.id()).append(" (").append(a.plan().profile()).append(", ").append(a.state().text()).append(") → snapshot ")
                .append(b.id()).append(" (").append(b.plan().profile()).append(", ").append(b.state().text()).append(")\n");
        java.util.Set<String> paths = new java.util.LinkedHashSet<>();
        a.plan().files().forEach(f -> paths.add(f.path()));
        b.plan().files().forEach(f -> paths.add(f.path()));
        int same = 0;
        for (String p : paths) {
            String d = TextDiff.unified(p, wrote(a, p), wrote(b, p), a.id(), b.id());
            if (d.isEmpty()) same++;
            out.append(d);
        }
        java.util.Map<String, String[]> values = new java.util.LinkedHashMap<>();
        a.live().forEach(l -> values.computeIfAbsent(l.key(), k -> new String[2])[0] = l.after());
        b.live().forEach(l -> values.computeIfAbsent(l.key(), k -> new String[2])[1] = l.after());
        StringBuilder live = new StringBuilder();
        values.forEach((k, v) -> {
            if (!java.util.Objects.equals(v[0], v[1])) {
                live.append("  ").append(k).append(": ").append(v[0] == null ? "(not set)" : v[0]).append(" → ").append(v[1] == null ? "(not set)" : v[1]).append('\n');
            }
        });
        if (live.length() > 0) out.append("live values:\n").append(live);
        if (same > 0) out.append(same).append(same == 1 ? " file the same in both\n" : " files the same in both\n");
        return out.toString();
    }

    /** What {@code m}'s plan wrote to {@code path}: null when it removed the file or did not touch it. */
    private static String wrote(Manifest m, String path) {
        return m.plan().files().stream().filter(c -> c.path().equals(path)).findFirst().flatMap(FileChange::after).orElse(null);
    }

    /** One line for a listing: id, state, created, counts, profile. */
    public static String[] row(Manifest m) {
        return new String[] {m.id(), m.state().text(), m.createdAt().toString(), String.valueOf(m.files().size()),
                String.valueOf(m.live().size()), m.plan().profile() + m.plan().service().map(s -> " (" + s + ")").orElse("")};
    }
}
