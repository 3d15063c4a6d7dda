package dev.golive.host;

import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finding programs on this machine's PATH (the live host only). */
public final class Executables {
    private Executables() { }

    /** PATH lookup as execvp does it: the first executable regular file. */
    public static Fact<String> onPath(String name) {
        String env = System.getenv("PATH");
        if (env == null) return Fact.unknown("PATH is not set");
        for (String dir : env.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Fact.of(p.toString(), new Source.Derived("PATH lookup"));
        }
        return Fact.unknown(name + " not found on PATH");
    }
}
