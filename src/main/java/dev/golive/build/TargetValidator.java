package dev.golive.build;

import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks targets against what the installed toolchain can build: the GOOS/GOARCH pairs of
 * {@code go tool dist list} and the Go version that introduced each level variable
 * (GOAMD64 in 1.18, GOARM64 in 1.23). Older toolchains ignore an unknown variable, so
 * without this check a "v3" build would quietly be a v1 binary with a v3 name.
 */
public final class TargetValidator {
    private TargetValidator() { }

    /** Every problem, one line each, in target order; empty when all can be built. */
    public static List<String> problems(Set<String> distList, GoVersion go, List<BuildTarget> targets) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (targets.isEmpty()) out.add("no build target given");
        for (BuildTarget t : targets) {
            String name = "target " + t.text() + ": ";
            if (!seen.add(t.text())) out.add(name + "given twice");
            if (!distList.contains(t.platform())) {
                out.add(name + go + " cannot build " + t.platform() + " (not in \"go tool dist list\")");
            }
            int levels = (t.goamd64().isPresent() ? 1 : 0) + (t.goarm().isPresent() ? 1 : 0) + (t.goarm64().isPresent() ? 1 : 0);
            if (levels > 1) out.add(name + "more than one of GOAMD64, GOARM, GOARM64");
            if (t.goamd64().isPresent() && !t.goarch().equals("amd64")) out.add(name + "GOAMD64 applies only to GOARCH=amd64");
            if (t.goarm().isPresent() && !t.goarch().equals("arm")) out.add(name + "GOARM applies only to GOARCH=arm");
            if (t.goarm64().isPresent() && !t.goarch().equals("arm64")) out.add(name + "GOARM64 applies only to GOARCH=arm64");
            if (t.goamd64().isPresent() && !go.atLeast(1, 18, 0)) out.add(name + "GOAMD64 needs Go 1.18 or later; the toolchain is " + go);
            if (t.goarm64().isPresent() && !go.atLeast(1, 23, 0)) out.add(name + "GOARM64 needs Go 1.23 or later; the toolchain is " + go);
        }
        return out;
    }

    /** Throws BAD_INPUT with the first problem (and how many more) when there is any. */
    public static void check(Set<String> distList, GoVersion go, List<BuildTarget> targets) {
        List<String> p = problems(distList, go, targets);
        if (!p.isEmpty()) {
            throw GoliveException.badInput(p.get(0) + (p.size() > 1 ? " (and " + (p.size() - 1) + " more)" : ""));
        }
    }
}
