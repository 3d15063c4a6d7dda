package dev.golive.plan;

import dev.golive.host.FileMeta;
import dev.golive.host.HostRoot;
import dev.golive.model.OwnedFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the planner's input from a host: the current content, mode and owner of every file
 * golive owns (through the HostRoot, so a capture or a target tree is read, never the
 * machine golive runs on). In a capture, mode and owner are those of the copy.
 */
public final class OwnedFilesReader {
    private OwnedFilesReader() { }

    /** The host-wide owned files, plus the unit and drop-in of {@code unitName} when given. */
    public static List<String> paths(Optional<String> unitName) {
        List<String> p = new ArrayList<>(List.of(OwnedFiles.SYSCTL_DROPIN, OwnedFiles.MANAGER_DROPIN, OwnedFiles.TMPFILES_DROPIN));
        unitName.ifPresent(u -> {
            p.add(OwnedFiles.unit(u));
            p.add(OwnedFiles.unitDropIn(u));
            p.add(OwnedFiles.logrotate(u));
        });
        return p;
    }

    public static Map<String, OwnedFileState> read(HostRoot root, List<String> paths) {
        Map<String, OwnedFileState> out = new LinkedHashMap<>();
        for (String path : paths) {
            var text = root.read(path);
            if (!text.known()) {
                out.put(path, OwnedFileState.absent(path));
                continue;
            }
            FileMeta meta = FileMeta.of(root, path).orElse(new FileMeta(0644, "root", "root", false));
            out.put(path, new OwnedFileState(path, Optional.of(text.orElse("")), meta.mode(), meta.owner(), meta.group()));
        }
        return out;
    }
}
