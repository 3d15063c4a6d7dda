package dev.golive.host;

import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A host root seen as it will be after some files are written: each path in {@code files}
 * reads as the given text (a regular file, listed in its directory); everything else reads
 * through to {@code under}. Read-only: the planner uses it to ask "what would systemd load
 * with golive's new file in place" without writing anything.
 */
public final class OverlayHostRoot implements HostRoot {

    private final HostRoot under;
    private final Map<String, String> files;

    public OverlayHostRoot(HostRoot under, Map<String, String> files) {
        this.under = under;
        this.files = Map.copyOf(files);
        this.files.keySet().forEach(HostPaths::check);
    }

    private Optional<String> overlaid(String path) {
        String p = HostPaths.strip(path);
        if (files.containsKey(p)) return Optional.of(files.get(p));
        for (Map.Entry<String, String> e : files.entrySet()) {
            // the planner names the path as written (/etc/systemd/system/…); a reader may resolve links first
            if (HostLinks.canonical(under, e.getKey()).equals(p)) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    @Override public String describe() { return under.describe() + " (with planned files)"; }
    @Override public boolean isLive() { return false; }
    @Override public Path base() { return under.base(); }
    @Override public AccessLog log() { return under.log(); }
    @Override public Path resolve(String path) { return under.resolve(path); }

    @Override public Fact<String> read(String path) {
        return overlaid(path).<Fact<String>>map(t -> Fact.of(t, Source.File.of(HostPaths.strip(path)))).orElseGet(() -> under.read(path));
    }

    @Override public Optional<List<String>> list(String dir) {
        String d = HostPaths.strip(dir);
        TreeSet<String> names = new TreeSet<>(under.list(dir).orElse(List.of()));
        boolean any = under.list(dir).isPresent();
        for (String f : files.keySet()) {
            int slash = f.lastIndexOf('/');
            String parent = slash == 0 ? "/" : f.substring(0, slash);
            if (parent.equals(d) || HostLinks.canonical(under, parent).equals(HostLinks.canonical(under, d))) {
                names.add(f.substring(slash + 1));
                any = true;
            }
        }
        return any ? Optional.of(List.copyOf(names)) : Optional.empty();
    }

    @Override public boolean exists(String path) { return overlaid(path).isPresent() || under.exists(path); }

    @Override public Fact<Boolean> presence(String path) {
        return overlaid(path).isPresent() ? Fact.of(true, Source.File.of(HostPaths.strip(path))) : under.presence(path);
    }

    @Override public boolean isDirectory(String path) { return overlaid(path).isEmpty() && under.isDirectory(path); }

    @Override public Optional<String> linkTarget(String path) {
        return overlaid(path).isPresent() ? Optional.empty() : under.linkTarget(path);
    }
}
