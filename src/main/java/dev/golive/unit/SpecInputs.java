package dev.golive.unit;

import dev.golive.build.GoMod;
import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.model.Fact;
import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;

import java.nio.file.Path;

/**
 * Inputs the admin names on this machine (a spec YAML, a go.mod), which are not part of the
 * host golive renders for (that may be a capture): read through the live root, so all
 * file access still goes through the host layer.
 */
public final class SpecInputs {

    private SpecInputs() { }

    static String read(Path file) {
        Fact<String> f = DirectoryHostRoot.live(new AccessLog()).read(file.toAbsolutePath().normalize().toString());
        if (f instanceof Fact.Unknown<String> u) {
            String reason = u.reason();
            int colon = reason.lastIndexOf(": ");
            throw GoliveException.badInput(file + ": " + (colon >= 0 ? reason.substring(colon + 2) : reason));
        }
        return f.opt().get();
    }

    public static SpecYaml.Loaded spec(Path file) { return SpecYaml.parse(file.toString(), read(file)); }

    /**
     * The {@code go} line of a go.mod file, or of the go.mod in a module directory (--go-mod
     * takes either, as inspect and check do); a go.mod without one is an error, since the
     * caller named it to get the line.
     */
    public static GoVersion goModGo(Path given) { return goModule(given).go(); }

    /** What a container build needs of go.mod: the module path (the binary's name) and the go line as written. */
    public record GoModule(Path file, String modulePath, String goLine, GoVersion go) { }

    /** go.mod, or the go.mod in a module directory: its module path and its go line (both required). */
    public static GoModule goModule(Path given) {
        Path file = DirectoryHostRoot.live(new AccessLog()).isDirectory(given.toAbsolutePath().normalize().toString())
                ? given.resolve("go.mod") : given;
        String text = read(file);
        String line = GoMod.goLine(text).orElseThrow(() -> GoliveException.badInput(file + ": no go line (e.g. \"go 1.25\")"));
        GoVersion go = GoVersion.parse(line).orElseThrow(() -> GoliveException.badInput(file + ": go line \"" + line + "\" is not a Go version"));
        return new GoModule(file, GoMod.modulePath(text, file.toString()), line, go);
    }
}
