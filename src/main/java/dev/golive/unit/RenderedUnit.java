package dev.golive.unit;

import dev.golive.model.FileChange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rendered unit or drop-in: the file change for the plan, which spec field produced each
 * line of the new content (1-based line → field, for mapping systemd-analyze's complaints),
 * the unit a drop-in extends (needed to verify the pair), the Go runtime decisions and the
 * notes on anything left out ({@code leftOut}: spec field → the directive and version the
 * host's systemd lacks, so a front end can refuse what the admin asked instead of dropping it).
 */
public record RenderedUnit(
        Kind kind,
        FileChange change,
        Map<Integer, String> lineFields,
        Optional<CurrentUnitFiles.Located> base,
        GoRuntimeDerivation.Result go,
        List<String> notes,
        Map<String, String> leftOut) {

    public RenderedUnit {
        lineFields = Map.copyOf(lineFields);
        notes = List.copyOf(notes);
        leftOut = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(leftOut));
    }

    public enum Kind {
        /** /etc/systemd/system/NAME.service, written by golive now or before. */
        UNIT,
        /** NAME.service.d/60-golive.conf on a unit golive did not write. */
        DROP_IN
    }

    public String path() { return change.path(); }

    public String content() { return change.after().orElseThrow(); }
}
