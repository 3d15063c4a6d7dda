package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.ExecutableFacts;
import dev.golive.model.Fact;
import dev.golive.model.Finding;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.HostFacts;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.golive.model.Severity.ERROR;

/** The service's binary against the host it is to run on: architecture, x86-64 level, dynamic loader. */
final class BinaryRules {

    private BinaryRules() { }

    static final Rule CANNOT_RUN = Rule.service("GO-BINARY-CANNOT-RUN", ERROR, Area.GO,
            "Service binary cannot run on this host",
            "A binary runs only where three things hold. Its ELF machine (e_machine) is the CPU's: the kernel refuses "
                    + "another with ENOEXEC, \"Exec format error\" (binfmt_elf's elf_check_arch). A Go binary built with "
                    + "GOAMD64=v2, v3 or v4 checks the CPU's features when it starts and exits with \"This program can "
                    + "only be run on AMD64 processors with vN microarchitecture support\" when the CPU lacks them "
                    + "(runtime/asm_amd64.s; `go help environment`, GOAMD64). A dynamically linked binary (cgo, or "
                    + "CGO_ENABLED=1 with the net or os/user packages) names its loader in PT_INTERP: a glibc build asks "
                    + "for /lib64/ld-linux-x86-64.so.2 (or /lib/ld-linux-aarch64.so.1), a musl build for "
                    + "/lib/ld-musl-*.so.1, and where that file is missing exec fails with ENOENT, \"No such file or "
                    + "directory\", for a binary that is plainly there. systemd then reports the service failed with "
                    + "status 203/EXEC.",
            "Build for this host: the GOARCH its `uname -m` names, a GOAMD64 level its CPU supports (v1 runs anywhere), "
                    + "and CGO_ENABLED=0 for a static binary or a build against the host's own libc.",
            "man 2 execve (ENOEXEC, ENOENT); Go: `go help environment` (GOARCH, GOAMD64), runtime/asm_amd64.s; "
                    + "man 8 ld.so; man 5 systemd.exec (exit status 203/EXEC)",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                ServiceFacts s = h.service().get();
                if (s.executable() instanceof Fact.Known<ExecutableFacts> e) {
                    machine(r, h, e.value(), e.source()).ifPresent(out::add);
                    loader(r, e.value(), e.source()).ifPresent(out::add);
                }
                if (s.binary() instanceof Fact.Known<GoBuildInfo> b) amd64Level(r, h, b.value(), b.source()).ifPresent(out::add);
                return out;
            });

    /** uname -m names for the same architecture: Go's GOARCH and the kernel's name. */
    static String normalizeArch(String a) {
        String t = a.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> t;
        };
    }

    private static Optional<Finding> machine(Rule r, HostFacts h, ExecutableFacts e, Source src) {
        Optional<String> host = h.os().architecture().opt().map(BinaryRules::normalizeArch);
        if (host.isEmpty() || e.unameMachine().isEmpty()) return Optional.empty();
        String bin = e.unameMachine().get();
        if (bin.equals(host.get())) return Optional.empty();
        // 32-bit binaries of the same family may run through the kernel's compat layer: not a certain failure
        if ((bin.equals("i686") && host.get().equals("x86_64")) || (bin.equals("armv7l") && host.get().equals("aarch64"))) return Optional.empty();
        return Optional.of(r.titled("Service binary is built for " + bin + ", this host is " + host.get(),
                src.describe() + " is an ELF binary for " + bin + " (e_machine " + e.elfMachine() + "); this host is "
                        + host.get() + ": the kernel refuses it with \"Exec format error\"",
                Facts.plus(List.of(src), h.os().architecture().src()),
                ProposedFix.advice("build it with GOARCH=" + goarch(host.get()))));
    }

    private static String goarch(String uname) {
        return switch (uname) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> uname;
        };
    }

    private static Optional<Finding> loader(Rule r, ExecutableFacts e, Source src) {
        if (e.interpreter().isEmpty() || e.interpreterPresent().isEmpty()) return Optional.empty();
        Fact<Boolean> present = e.interpreterPresent().get();
        if (!present.known() || present.orElse(true)) return Optional.empty();
        String interp = e.interpreter().get();
        String libc = interp.contains("musl") ? "musl" : interp.contains("ld-linux") ? "glibc" : "its C library";
        return Optional.of(r.titled("Service binary needs " + interp + ", which this host lacks",
                src.describe() + " is dynamically linked against " + libc + " and asks for the loader " + interp
                        + "; this host has no such file, so exec fails with \"No such file or directory\"",
                List.of(src),
                ProposedFix.advice("build it with CGO_ENABLED=0 (a static binary), or against this host's C library")));
    }

    private static Optional<Finding> amd64Level(Rule r, HostFacts h, GoBuildInfo b, Source src) {
        if (!b.setting("GOARCH").map(a -> a.equals("amd64")).orElse(false)) return Optional.empty();
        Optional<Integer> needs = b.setting("GOAMD64").flatMap(BinaryRules::level);
        Optional<Integer> has = h.cpu().goamd64Level().opt().flatMap(BinaryRules::level);
        if (needs.isEmpty() || has.isEmpty() || needs.get() <= has.get()) return Optional.empty();
        return Optional.of(r.titled("Service binary needs x86-64-v" + needs.get() + ", this CPU has v" + has.get(),
                src.describe() + " was built with GOAMD64=v" + needs.get() + "; this CPU supports v" + has.get()
                        + ": the Go runtime exits at start (\"This program can only be run on AMD64 processors with v"
                        + needs.get() + " microarchitecture support\")",
                Facts.plus(List.of(src), h.cpu().goamd64Level().src()),
                ProposedFix.advice("build it with GOAMD64=v" + has.get() + " (or v1)")));
    }

    private static Optional<Integer> level(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.length() == 2 && t.charAt(0) == 'v' && Character.isDigit(t.charAt(1))) return Optional.of(t.charAt(1) - '0');
        return Optional.empty();
    }

    static List<Rule> all() { return List.of(CANNOT_RUN); }
}
