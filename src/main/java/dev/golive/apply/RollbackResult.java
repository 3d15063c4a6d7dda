package dev.golive.apply;

import java.util.List;

/**
 * What a rollback did. {@code restored}: files and values put back; {@code reported}: values
 * already at their pre-apply value (a reboot reset them) or files already as before, left alone.
 */
public record RollbackResult(String snapshotId, List<String> restored, List<String> reported, long millis) {
    public RollbackResult {
        restored = List.copyOf(restored);
        reported = List.copyOf(reported);
    }
}
