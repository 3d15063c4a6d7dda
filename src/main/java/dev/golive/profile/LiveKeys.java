package dev.golive.profile;

import dev.golive.inspect.SysctlProbe;
import dev.golive.model.LiveChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live kernel values golive may write: the schema's sysctl and sysfs keys, each with the
 * one file it maps to and the form of its value. Profiles resolve their keys to paths here,
 * and a plan file handed to {@code golive apply} is checked against it, so a plan can neither
 * set a key no profile may set, nor point a harmless key at another file, nor carry a value
 * of another shape (a pipe for core_pattern, a second line).
 */
public final class LiveKeys {
    private LiveKeys() { }

    /** One settable live value: its file (host terms), how it reads back, and its scope. */
    public record LiveKey(String key, LiveChange.Format format, String path, boolean perNamespace) { }

    /** The key's live file and form, or empty for a key golive never writes live. */
    public static Optional<LiveKey> of(String key) {
        if (Schema.SYSCTL.containsKey(key)) {
            return Optional.of(new LiveKey(key, LiveChange.Format.SYSCTL, SysctlProbe.procPath(key), SysctlProbe.perNamespace(key)));
        }
        Schema.Key sysfs = Schema.SYSFS.get(key);
        if (sysfs != null) {
            return Optional.of(new LiveKey(key, sysfs.type() == Schema.Type.CHOICE ? LiveChange.Format.SYSFS_CHOICE : LiveChange.Format.SYSFS_NUMBER,
                    sysfs.path(), false));
        }
        return Optional.empty();
    }

    /** Every key golive may write live (for "did you mean"). */
    public static List<String> keys() {
        List<String> all = new ArrayList<>(Schema.SYSCTL.keySet());
        all.addAll(Schema.SYSFS.keySet());
        return all;
    }

    /**
     * Why {@code value} is not a value golive would write for {@code key} (one line), or empty.
     * Only the form the planner produces passes: canonical whole numbers in the schema's range,
     * vector fields separated by one space, one of a sysfs file's choices.
     */
    public static Optional<String> valueProblem(String key, String value) {
        Schema.Key spec = Schema.SYSCTL.containsKey(key) ? Schema.SYSCTL.get(key) : Schema.SYSFS.get(key);
        if (spec == null) return Optional.of(key + ": not a key golive writes live");
        return ValueChecks.liveProblem(spec, value);
    }
}
