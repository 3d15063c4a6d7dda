package dev.golive.build;

import dev.golive.model.Fact;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;

/**
 * The target golive builds for when none is given: this host's own architecture, at the
 * highest CPU level it supports, with the reason in words (shown beside the choice, since a
 * v3 binary copied to an older x86 server dies with "illegal instruction").
 */
public record DefaultTarget(BuildTarget target, String reason) {

    public static DefaultTarget forHost(HostFacts facts) {
        return forMachine(facts.os().architecture(), facts.cpu().goamd64Level());
    }

    /** {@code machine} is what {@code uname -m} prints; {@code goamd64Level} v1..v4 when known. */
    public static DefaultTarget forMachine(Fact<String> machine, Fact<String> goamd64Level) {
        String m = machine.opt().map(String::trim).orElseThrow(() -> GoliveException.environment(
                "cannot choose a default build target: machine type unknown (" + reasonOf(machine) + "); pass --target"));
        BuildTarget linux;
        switch (m) {
            case "x86_64", "amd64" -> {
                var level = goamd64Level.opt().filter(l -> l.matches("v[1-4]"));
                if (level.isEmpty()) {
                    return new DefaultTarget(BuildTarget.of("linux", "amd64").withGoamd64("v1"),
                            "x86_64 host, CPU level unknown (" + reasonOf(goamd64Level) + "): the baseline v1 runs on every x86-64 CPU");
                }
                String l = level.get();
                return new DefaultTarget(BuildTarget.of("linux", "amd64").withGoamd64(l),
                        "x86_64 host whose CPU supports x86-64-" + l + " (GOAMD64=" + l + ")"
                                + (l.equals("v1") ? "" : "; the binary will not start on older CPUs, build linux/amd64/v1 for one that runs on any x86-64"));
            }
            case "aarch64", "arm64" -> linux = BuildTarget.of("linux", "arm64");
            case "i386", "i486", "i586", "i686" -> linux = BuildTarget.of("linux", "386");
            case "riscv64" -> linux = BuildTarget.of("linux", "riscv64");
            case "ppc64le" -> linux = BuildTarget.of("linux", "ppc64le");
            case "ppc64" -> linux = BuildTarget.of("linux", "ppc64");
            case "s390x" -> linux = BuildTarget.of("linux", "s390x");
            case "loongarch64" -> linux = BuildTarget.of("linux", "loong64");
            default -> {
                if (m.startsWith("armv")) {
                    // armv7l, armv6l, armv5tel: the digit after "armv" is the GOARM level (8+ in 32-bit mode runs v7 code).
                    int v = m.length() > 4 && Character.isDigit(m.charAt(4)) ? m.charAt(4) - '0' : 0;
                    if (v >= 5) {
                        String goarm = String.valueOf(Math.min(v, 7));
                        return new DefaultTarget(BuildTarget.of("linux", "arm").withGoarm(goarm),
                                m + " host: 32-bit ARM with GOARM=" + goarm + " (the default for cross builds from Go 1.19 is 5, which is slower)");
                    }
                }
                throw GoliveException.environment("cannot choose a default build target: no Go port known for machine \"" + m + "\"; pass --target");
            }
        }
        return new DefaultTarget(linux, m + " host: " + linux.platform() + " at the architecture's baseline level");
    }

    private static String reasonOf(Fact<?> f) {
        return f instanceof Fact.Unknown<?> u ? u.reason() : "known";
    }
}
