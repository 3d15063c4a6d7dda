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
            String after = m.plan().files().stream().filter(c -> c.path().equals(f.path())).findFirst()
                    .flatMap(FileChange::after).orElse(null);
            b.append(TextDiff.unified(f.path(), before, after, "a", "b"));
        }
        if (!m.live().isEmpty()) b.append("live values:\n");
        for (Manifest.LiveEntry l : m.live()) {
            b.append("  ").append(l.key()).append(": ").append(l.before()).append(" → ").append(l.after()).append('\n');
        }
        for (Manifest.ActionEntry a : m.actions()) b.append(Applier.describe(a)).append(": ").append(a.status()).append('\n');
        m.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }

    /** One line for a listing: id, state, created, counts, profile. */
    public static String[] row(Manifest m) {
        return new String[] {m.id(), m.state().text(), m.createdAt().toString(), String.valueOf(m.files().size()),
                String.valueOf(m.live().size()), m.plan().profile() + m.plan().service().map(s -> " (" + s + ")").orElse("")};
    }
}
