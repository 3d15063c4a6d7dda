package dev.golive.apply;

import java.util.List;

/** What an apply did: the snapshot that can undo it, and one line per thing done or skipped. */
public record ApplyResult(String snapshotId, int filesWritten, int liveValuesSet, List<String> lines, long millis) {
    public ApplyResult { lines = List.copyOf(lines); }
}
