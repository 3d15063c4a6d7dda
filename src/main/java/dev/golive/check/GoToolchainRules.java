package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoReleases;
import dev.golive.model.GoVersion;
import dev.golive.model.HostFacts;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/** The Go toolchain on the host and the settings that change what `go build` does. */
final class GoToolchainRules {

    private GoToolchainRules() { }

    static final String RELEASE_POLICY = "https://go.dev/doc/devel/release#policy";
    static final String GO_ENV = "https://pkg.go.dev/cmd/go#hdr-Environment_variables";

    static Optional<String> env(HostFacts h, String key) {
        Fact<String> f = h.go().env().get(key);
        return f == null ? Optional.empty() : f.opt().map(String::trim);
    }

    static List<dev.golive.model.Source> envSrc(HostFacts h, String key) {
        Fact<String> f = h.go().env().get(key);
        return f == null ? List.of() : Facts.sources(f);
    }

    static final Rule MISSING = Rule.host("GO-TOOLCHAIN-MISSING", INFO, Area.GO,
            "No Go toolchain found",
            "golive found no go command on PATH. That is fine when binaries are built elsewhere; but builds on this host, "
                    + "`go version -m` checks and golive's build step need one. Debian and Ubuntu package it as golang-go "
                    + "(often older than the current release); go.dev/dl has current ones.",
            "Install a Go toolchain (golang-go, or a release from go.dev/dl) if this host builds the service.",
            "https://go.dev/doc/install",
            (r, h) -> {
                // "not in capture" is not "not installed": only a host known to lack go is reported
                if (!h.go().knownAbsent()) return List.of();
                String why = h.go().path() instanceof Fact.Unknown<String> u ? u.reason() : "not found";
                return r.one("no go toolchain: " + why, List.of(), ProposedFix.advice("install golang-go or a go.dev/dl release"));
            });

    /** Out of support by the host's date (the capture's, or now for a live host), from the dated release table. */
    static Optional<String> unsupported(GoVersion v, HostFacts h) {
        Optional<java.time.YearMonth> at = GoReleases.month(h.origin().capturedAt());
        if (v.major() != 1) return Optional.empty();
        List<Integer> sup = GoReleases.supported(at);
        return GoReleases.outOfSupportSince(v.minor(), at).map(since -> "out of support since " + since
                + " (supported" + at.map(a -> " in " + a).orElse("") + ": " + String.join(", ", sup.stream().map(m -> "1." + m).toList()) + ")");
    }

    static final Rule TOOLCHAIN_OLD = Rule.host("GO-TOOLCHAIN-OLD", WARN, Area.GO,
            "Go toolchain out of support",
            "Go supports each major release until two newer major releases exist (in December 2026: 1.27 and 1.26), so an "
                    + "older toolchain gets no security fixes. golive dates this from a release table and the host's date "
                    + "(a capture's date for a capture). Go 1.21 also made the go line in go.mod a hard minimum and added "
                    + "toolchain switching (GOTOOLCHAIN); an older go command builds newer modules without knowing what they expect.",
            "Install a supported Go release.",
            RELEASE_POLICY + "; https://go.dev/doc/devel/release (release dates)",
            (r, h) -> h.go().goVersion().flatMap(v -> unsupported(v, h).map(why -> r.one("go toolchain is " + v + ": " + why,
                            Facts.sources(h.go().version()), ProposedFix.advice("install a supported Go release"))))
                    .orElse(List.of()));

    static final Rule BINARY_OLD = Rule.service("GO-BINARY-OLD", WARN, Area.GO,
            "Service binary built with an unsupported Go",
            "The service binary says which Go built it. Go supports only the two newest major releases (in December "
                    + "2026: 1.27 and 1.26); an older runtime and standard library get no security fixes. Before go1.19 it "
                    + "has no GOMEMLIMIT and does not raise its soft file limit; before go1.25 it cannot follow a CPU quota "
                    + "(GOMAXPROCS defaults to the CPUs in the affinity mask). Rebuilding with a current toolchain fixes "
                    + "runtime and standard library bugs without code changes in most cases.",
            "Rebuild the service with a supported Go release.",
            RELEASE_POLICY + "; go version -m BINARY; Go 1.25 release notes (container-aware GOMAXPROCS)",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<GoVersion> v = s.binary().opt().flatMap(GoBuildInfo::version);
                Optional<String> why = v.flatMap(x -> unsupported(x, h));
                if (why.isEmpty()) return List.of();
                return r.one(s.name() + "'s binary was built with " + v.get() + ": " + why.get()
                                + (v.get().compareTo(GoVersion.of(1, 25, 0)) < 0 ? "; before Go 1.25 it cannot follow a CPU quota" : ""),
                        Facts.sources(s.binary()), ProposedFix.advice("rebuild with a supported Go release"));
            });

    static final Rule GOPROXY_OFF = Rule.host("GO-GOPROXY-OFF", WARN, Area.GO,
            "GOPROXY=off",
            "With GOPROXY=off the go command may not download any module: a build works only while every dependency is "
                    + "already in the module cache or vendored, and fails on the first new one, often on the release day. "
                    + "For private modules use GOPRIVATE / GONOPROXY instead of turning the proxy off for everything.",
            "Unset GOPROXY (default https://proxy.golang.org,direct) or point it at your own proxy; use GOPRIVATE for private modules.",
            GO_ENV + "; https://go.dev/ref/mod#goproxy-protocol",
            (r, h) -> env(h, "GOPROXY").filter(v -> v.equals("off"))
                    .map(v -> r.one("go env GOPROXY is off", envSrc(h, "GOPROXY"), ProposedFix.advice("go env -u GOPROXY")))
                    .orElse(List.of()));

    static final Rule GOSUMDB_OFF = Rule.host("GO-GOSUMDB-OFF", WARN, Area.GO,
            "Checksum database turned off",
            "GOSUMDB=off (or GONOSUMDB/GOPRIVATE matching everything) stops the go command from checking downloaded "
                    + "modules against sum.golang.org, so a tampered or replaced module version is accepted the first time "
                    + "it enters go.sum. Exclude only your private module paths.",
            "Unset GOSUMDB and list only private paths in GOPRIVATE / GONOSUMDB.",
            GO_ENV + "; https://go.dev/ref/mod#checksum-database",
            (r, h) -> {
                List<String> bad = new ArrayList<>();
                env(h, "GOSUMDB").filter(v -> v.equals("off")).ifPresent(v -> bad.add("GOSUMDB=off"));
                for (String k : List.of("GONOSUMDB", "GOPRIVATE")) env(h, k).filter(v -> v.equals("*")).ifPresent(v -> bad.add(k + "=*"));
                if (bad.isEmpty()) return List.of();
                List<dev.golive.model.Source> src = new ArrayList<>();
                for (String k : List.of("GOSUMDB", "GONOSUMDB", "GOPRIVATE")) envSrc(h, k).stream().filter(x -> !src.contains(x)).forEach(src::add);
                return r.one("go env: " + String.join(", ", bad), src, ProposedFix.advice("go env -u GOSUMDB; narrow GOPRIVATE"));
            });

    static final Rule GOFLAGS = Rule.host("GO-GOFLAGS-SET", INFO, Area.GO,
            "GOFLAGS changes every go command",
            "GOFLAGS adds flags to every go command that accepts them, invisibly: -mod=mod lets builds rewrite go.mod, "
                    + "-mod=vendor ignores the module cache, -tags or -ldflags change what is built, -buildvcs=false drops "
                    + "version information. A build that behaves differently on this host than in CI often comes from "
                    + "here. (-insecure was removed in Go 1.17 and now fails.)",
            "Put the flags in the build command or Makefile where reviewers see them, and unset GOFLAGS.",
            GO_ENV + " (GOFLAGS)",
            (r, h) -> env(h, "GOFLAGS").filter(v -> !v.isEmpty())
                    .map(v -> r.one("go env GOFLAGS is \"" + v + "\"", envSrc(h, "GOFLAGS"), ProposedFix.advice("go env -u GOFLAGS")))
                    .orElse(List.of()));

    static final Rule GOMOD_NEWER = Rule.service("GO-GOMOD-NEWER-THAN-TOOLCHAIN", WARN, Area.GO,
            "go.mod needs a newer Go than the host's toolchain",
            "Since Go 1.21 the go line in go.mod is a minimum. When it is newer than the installed toolchain, the go "
                    + "command downloads a matching toolchain (GOTOOLCHAIN=auto, which needs GOPROXY) or refuses to build "
                    + "(GOTOOLCHAIN=local). Either way the build on this host is not done by the go you see in go version.",
            "Install a toolchain at least as new as go.mod's go line.",
            "https://go.dev/doc/toolchain",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                Optional<GoVersion> mod = s.goModGoVersion().opt().flatMap(GoVersion::parse);
                Optional<GoVersion> tc = h.go().goVersion();
                if (mod.isEmpty() || tc.isEmpty() || mod.get().compareTo(tc.get()) <= 0) return List.of();
                String mode = env(h, "GOTOOLCHAIN").map(v -> " (GOTOOLCHAIN=" + v + ")").orElse("");
                return r.one("go.mod says " + mod.get() + ", the toolchain is " + tc.get() + mode,
                        Facts.sources(s.goModGoVersion(), h.go().version()),
                        ProposedFix.advice("install " + mod.get() + " or newer"));
            });

    static List<Rule> all() { return List.of(MISSING, TOOLCHAIN_OLD, BINARY_OLD, GOPROXY_OFF, GOSUMDB_OFF, GOFLAGS, GOMOD_NEWER); }
}
