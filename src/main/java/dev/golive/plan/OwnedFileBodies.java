package dev.golive.plan;

import dev.golive.model.FileChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Printable;

import java.util.List;
import java.util.Optional;

/**
 * Turning wanted content into a FileChange for one owned file: the header (which names the
 * snapshot) is ignored when comparing, so re-planning a host where the profile is in force
 * gives no change even though the plan id differs.
 */
final class OwnedFileBodies {
    private OwnedFileBodies() { }

    static final int MODE = 0644;
    static final String OWNER = "root";

    private static final int HEADER_LINES = (int) OwnedFiles.header("x").chars().filter(c -> c == '\n').count();

    /** The content after golive's header lines (the whole content when it has none). */
    static String body(String content) {
        if (!OwnedFiles.isOwned(content)) return content;
        int at = 0;
        for (int i = 0; i < HEADER_LINES && at >= 0; i++) {
            int nl = content.indexOf('\n', at);
            at = nl < 0 ? content.length() : nl + 1;
        }
        return content.substring(Math.min(at, content.length()));
    }

    /**
     * The change that makes {@code path} hold {@code body} (empty: no file), or nothing when
     * it already does. A file at an owned path without golive's header is not golive's:
     * it becomes a manual step, never an overwrite.
     */
    static Optional<FileChange> change(OwnedFileState cur, String body, String planId, String why, List<String> manualSteps) {
        boolean want = !body.isEmpty();
        if (!cur.exists()) {
            return want ? Optional.of(new FileChange(cur.path(), Optional.empty(), Optional.of(OwnedFiles.header(planId) + body),
                    MODE, OWNER, OWNER, why)) : Optional.empty();
        }
        String content = cur.content().orElseThrow();
        if (!OwnedFiles.isOwned(content)) {
            if (want) manualSteps.add(cur.path() + " exists but golive did not write it (no \"" + OwnedFiles.HEADER_MARK
                    + "\" header): move it aside, then plan again; golive never overwrites a file it does not own");
            return Optional.empty();
        }
        if (!want) return Optional.of(new FileChange(cur.path(), Optional.of(content), Optional.empty(), cur.mode(), cur.owner(), cur.group(),
                "no value of this plan needs it any more"));
        boolean sameMeta = cur.mode() == MODE && cur.owner().equals(OWNER) && cur.group().equals(OWNER);
        if (body(content).equals(body) && sameMeta) return Optional.empty();
        return Optional.of(new FileChange(cur.path(), Optional.of(content), Optional.of(OwnedFiles.header(planId) + body), MODE, OWNER, OWNER,
                body(content).equals(body) ? "mode or owner differs from 0644 root:root" : why));
    }

    /** A why text shortened to its first sentence, for a comment line in a file. */
    static String firstSentence(String why) {
        // the sentence becomes a "# " comment line: any other line break (a NUL ends a line for
        // systemd-sysctl) or control character is escaped, so it cannot start a setting of its own
        String w = Printable.text(why.replaceAll("\\s+", " ").trim());
        int dot = w.indexOf(". ");
        if (dot > 0) w = w.substring(0, dot + 1);
        return w.length() > 160 ? w.substring(0, 157) + "..." : w;
    }
}
