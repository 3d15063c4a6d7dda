package dev.golive.report;

import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the files golive owns on one host ({@link OwnedFiles}): the fixed drop-ins, plus
 * units and unit drop-ins under /etc/systemd/system that carry golive's header. Each maps
 * to its content, to "absent" (Known empty), or to Unknown when a capture cannot tell.
 */
public final class OwnedFileScan {

    private static final String UNIT_DIR = "/etc/systemd/system";

    private OwnedFileScan() { }

    public static Map<String, Fact<Optional<String>>> scan(HostRoot root) {
        Map<String, Fact<Optional<String>>> out = new TreeMap<>();
        for (String p : List.of(OwnedFiles.SYSCTL_DROPIN, OwnedFiles.MANAGER_DROPIN, OwnedFiles.TMPFILES_DROPIN)) {
            out.put(p, file(root, p));
        }
        for (String name : root.list(UNIT_DIR).orElse(List.of())) {
            String path = UNIT_DIR + "/" + name;
            if (name.endsWith(".service") && !root.isDirectory(path) && root.linkTarget(path).isEmpty()) {
                // a unit golive wrote itself: only those with its header are golive's
                Fact<Optional<String>> f = file(root, path);
                if (f.opt().flatMap(x -> x).map(OwnedFiles::isOwned).orElse(false)) out.put(path, f);
            } else if (name.endsWith(".service.d") && root.isDirectory(path)) {
                String dropIn = path + "/60-golive.conf";
                if (OwnedFiles.isOwnedPath(dropIn)) {
                    Fact<Optional<String>> f = file(root, dropIn);
                    if (f.opt().map(Optional::isPresent).orElse(false)) out.put(dropIn, f);
                }
            }
        }
        for (String name : root.list(OwnedFiles.LOGROTATE_DIR).orElse(List.of())) {
            String path = OwnedFiles.LOGROTATE_DIR + "/" + name;
            if (!OwnedFiles.isOwnedPath(path) || root.isDirectory(path) || root.linkTarget(path).isPresent()) continue;
            Fact<Optional<String>> f = file(root, path);
            if (f.opt().flatMap(x -> x).map(OwnedFiles::isOwned).orElse(false)) out.put(path, f);
        }
        return out;
    }

    /**
     * Directories `golive inspect` lists (sysctl load order, manager drop-ins, unit
     * directories). `golive capture` copies a listed directory whole, so in a capture a file
     * missing from one of these (or from a directory recorded as absent) was absent on the
     * host; elsewhere (tmpfiles.d) a capture cannot tell.
     */
    static final List<String> LISTED_BY_INSPECT = List.of("/etc/sysctl.d", "/etc/systemd/system.conf.d", UNIT_DIR);

    private static Fact<Optional<String>> file(HostRoot root, String path) {
        Fact<Boolean> present = root.presence(path);
        if (present instanceof Fact.Unknown<Boolean> u) {
            String parent = path.substring(0, path.lastIndexOf('/'));
            if (LISTED_BY_INSPECT.contains(parent)
                    && (root.isDirectory(parent) || root.presence(parent).opt().map(p -> !p).orElse(false))) {
                return Fact.of(Optional.empty(), new Source.Derived("listing of " + parent + " in the capture"));
            }
            return Fact.unknown(u.reason());
        }
        if (!present.orElse(false)) return Fact.of(Optional.empty(), Source.File.of(path));
        Fact<String> text = root.read(path);
        if (text instanceof Fact.Unknown<String> u) return Fact.unknown(u.reason());
        return Fact.of(Optional.of(text.orElse("")), Source.File.of(path));
    }
}
